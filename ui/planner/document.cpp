#include "ui/planner/document.h"

#include "geo/core/errors.h"
#include "geo/plan/resolve.h"


namespace ui {

std::string Document::title() const {
    const std::string name = meta.name.empty() ? "untitled plan" : meta.name;
    std::string version;
    const geo::PlanVersion current = geo::current_version(meta);
    if (!integrity_problem.empty()) version = " (v" + std::to_string(current.version) + " CHANGED SINCE SIGN-OFF: read-only)";
    else if (read_only()) version = " (v" + std::to_string(current.version) + " signed off by " + current.signed_by + ": read-only)";
    else if (meta.versions.size() > 1 && !current.parent.empty())
        version = " (v" + std::to_string(current.version) + " draft from " + meta.versions[meta.versions.size() - 2].status + " v" +
                  std::to_string(meta.versions[meta.versions.size() - 2].version) + ")";
    if (version.empty() && stored) {
        version = stored->kept_as ? " (kept as v" + std::to_string(stored->kept_as) + " beside v" + std::to_string(stored->current) +
                                        " in the store)"
                                  : " (v" + std::to_string(stored->version) + " in the store)";
    }
    return "wardmap - " + name + version + (modified() ? " *" : "");
}

bool Document::modified() const { return recovered || (session && session->modified()); }

bool Document::read_only() const { return geo::current_version(meta).status == geo::status_signed_off; }

void make_new_draft(Document& document) {
    document.meta = geo::new_draft(document.meta, document.meta.author, geo::utc_now());
    document.integrity_problem.clear();
    document.path.clear();  // the signed file stays as it was signed: the draft is saved elsewhere
}

Document new_document(const geo::WardSet& wards, geo::Assignment assignment, geo::PlanFile meta, std::string path,
                      std::string source, std::shared_ptr<const geo::PlanInputs> inputs) {
    Document document;
    geo::SessionOptions options;
    options.inputs = inputs;
    document.session = std::make_unique<geo::PlanSession>(wards, std::move(assignment), std::move(options));
    document.inputs = std::move(inputs);
    document.path = std::move(path);
    document.source = std::move(source);
    document.meta = std::move(meta);
    document.autosaved_revision = document.session->revision();
    return document;
}

Document open_document(const geo::WardSet& wards, const std::string& path, const std::string& boundary_path,
                       const geo::PlanColumns& columns, const geo::CodeChanges& changes,
                       std::shared_ptr<const geo::PlanInputs> inputs) {
    geo::PlanFile meta;
    if (geo::is_plan_file(path)) {
        geo::Assignment assignment = geo::open_plan(wards, path, &meta);
        const std::string problem = geo::check_integrity(meta).message();
        Document document = new_document(wards, std::move(assignment), std::move(meta), path, path, std::move(inputs));
        document.integrity_problem = problem;
        return document;
    }
    // A CSV table (custom columns allowed): edited from here on as a new plan file, since a table
    // holds no locks or metadata. It has no file of its own until "Save as".
    const geo::Plan plan = geo::read_plan(path, columns);
    meta.name = plan.name;
    meta.boundary_path = boundary_path;
    return new_document(wards, geo::assignment_from(wards, plan, geo::resolve_plan(wards, plan, changes)), std::move(meta), "",
                        path, std::move(inputs));
}

void save_document(const geo::WardSet& wards, Document& document, const std::string& path) {
    if (document.read_only() && path == document.path && document.modified())
        throw geo::OutputError(path + " is signed off: save the edited plan as a new file (Save as)");
    document.meta = geo::record_save(geo::plan_file_from(wards, document.session->assignment(), document.meta), document.meta, "", geo::utc_now());
    geo::write_plan_file(path, document.meta);
    discard_autosave(document);
    document.path = path;
    document.session->mark_saved();
    document.recovered = false;
    document.autosaved_revision = document.session->revision();
}

bool autosave(const geo::WardSet& wards, Document& document) {
    if (document.session->revision() == document.autosaved_revision) return false;
    document.autosaved_revision = document.session->revision();
    if (!document.modified()) {
        discard_autosave(document);
        return false;
    }
    geo::write_autosave(document.autosave_key(), geo::plan_file_from(wards, document.session->assignment(), document.meta));
    return true;
}

void discard_autosave(const Document& document) { geo::discard_autosave(document.autosave_key()); }

std::string recoverable_autosave(const Document& document) { return geo::recoverable_autosave(document.autosave_key()); }

Document recover(const geo::WardSet& wards, const Document& document, const std::string& autosave) {
    geo::Assignment assignment = geo::assignment_from(wards, geo::read_plan_file(autosave));
    Document recovered = new_document(wards, std::move(assignment), document.meta, document.path, document.source, document.inputs);
    recovered.recovered = true;  // not on disk yet: still to save
    return recovered;
}

}  // namespace ui
