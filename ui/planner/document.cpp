#include "ui/planner/document.h"

#include "geo/core/errors.h"
#include "geo/plan/resolve.h"

#include <filesystem>
#include <system_error>

namespace ui {

namespace fs = std::filesystem;

std::string Document::title() const {
    const std::string name = meta.name.empty() ? "untitled plan" : meta.name;
    return "wardmap - " + name + (modified() ? " *" : "");
}

bool Document::modified() const { return recovered || (session && session->modified()); }

Document new_document(const geo::UnitSet& wards, geo::Assignment assignment, geo::PlanFile meta, std::string path) {
    Document document;
    document.session = std::make_unique<geo::PlanSession>(wards, std::move(assignment));
    document.path = std::move(path);
    document.meta = std::move(meta);
    document.autosaved_revision = document.session->revision();
    return document;
}

Document open_document(const geo::UnitSet& wards, const std::string& path, const std::string& boundary_path,
                       const geo::PlanColumns& columns) {
    if (geo::is_plan_file(path)) {
        geo::PlanFile file = geo::read_plan_file(path);
        geo::Assignment assignment = geo::assignment_from(wards, file);
        return new_document(wards, std::move(assignment), std::move(file), path);
    }
    // A CSV table: edited from here on as a new plan file (a table cannot hold locks or metadata).
    const geo::Plan plan = geo::read_plan(path, columns);
    geo::PlanFile meta;
    meta.name = plan.name;
    meta.boundary_path = boundary_path;
    return new_document(wards, geo::assignment_from(wards, plan, geo::resolve_plan(wards, plan)), std::move(meta), "");
}

void save_document(const geo::UnitSet& wards, Document& document, const std::string& path) {
    geo::write_plan_file(path, geo::plan_file_from(wards, document.session->assignment(), document.meta));
    discard_autosave(document);
    document.path = path;
    document.session->mark_saved();
    document.recovered = false;
    document.autosaved_revision = document.session->revision();
}

bool autosave(const geo::UnitSet& wards, Document& document) {
    if (document.session->revision() == document.autosaved_revision) return false;
    document.autosaved_revision = document.session->revision();
    if (!document.modified()) {
        discard_autosave(document);
        return false;
    }
    const std::string target = geo::autosave_path(document.path);
    std::error_code ignored;
    fs::create_directories(fs::path(target).parent_path(), ignored);
    geo::write_plan_file(target, geo::plan_file_from(wards, document.session->assignment(), document.meta));
    return true;
}

void discard_autosave(const Document& document) {
    std::error_code ignored;  // nothing to remove is fine
    fs::remove(geo::autosave_path(document.path), ignored);
}

std::optional<std::string> recoverable_autosave(const Document& document) {
    const std::string autosave = geo::autosave_path(document.path);
    std::error_code error;
    const auto saved = fs::last_write_time(autosave, error);
    if (error) return std::nullopt;
    if (!document.path.empty()) {
        const auto plan = fs::last_write_time(document.path, error);
        if (!error && plan >= saved) return std::nullopt;
    }
    return autosave;
}

Document recover(const geo::UnitSet& wards, const Document& document, const std::string& autosave) {
    geo::PlanFile file = geo::read_plan_file(autosave);
    geo::Assignment assignment = geo::assignment_from(wards, file);
    Document recovered = new_document(wards, std::move(assignment), document.meta, document.path);
    recovered.recovered = true;  // not on disk yet: still to save
    return recovered;
}

}  // namespace ui
