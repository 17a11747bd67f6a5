#include "geo/planner/plan_version.h"

#include "geo/core/errors.h"
#include "geo/planner/plan_at_version.h"
#include "geo/planner/plan_file.h"

#include <algorithm>
#include <chrono>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fstream>

namespace geo {
namespace {

struct Fnv {
    std::uint64_t hash = 0xcbf29ce484222325ull;
    void add(std::string_view text) {
        for (unsigned char c : text) hash = (hash ^ c) * 0x100000001b3ull;
        hash = (hash ^ 0u) * 0x100000001b3ull;  // a separator, so that "ab"+"c" differs from "a"+"bc"
    }
    std::string text() const { return fmt::format("fnv1a64:{:016x}", hash); }
};

PlanFile& with_record(PlanFile& plan) {
    if (plan.versions.empty()) plan.versions.push_back(current_version(plan));
    return plan;
}

// The top-level fields follow the current record, so a reader of older files sees the same.
PlanFile& mirrored(PlanFile& plan) {
    const PlanVersion& last = plan.versions.back();
    plan.version = last.version;
    plan.status = last.status;
    plan.author = last.author;
    return plan;
}

PlanFile mark(PlanFile plan, const char* status, const std::string& by, const std::string& time, const std::string& boundary_checksum) {
    const Integrity integrity = check_integrity(plan);
    if (!integrity.message().empty()) throw InputError(plan.path, "[[versions]]", integrity.message(), "Ask whoever signed it off; `wardmap plan log` shows the history.");
    if (integrity.signed_off)
        throw InputError(plan.path, "[[versions]]",
                         fmt::format("version {} is signed off already (by {})", plan.version, current_version(plan).signed_by),
                         "Edit it in the planner (a new draft version) and sign that off.");
    with_record(plan);
    PlanVersion& last = plan.versions.back();
    last.status = status;
    last.signed_by = by;
    last.time = time;
    last.content = content_checksum(plan);
    last.boundary_checksum = boundary_checksum;
    return mirrored(plan);
}

}  // namespace

bool is_status(const std::string& status) {
    return status == status_draft || status == status_proposed || status == status_signed_off;
}

std::string content_checksum(const PlanFile& plan) {
    Fnv fnv;
    fnv.add(plan.name);
    fnv.add(plan.boundary_fingerprint);
    for (const CommandUnit& unit : plan.units) {
        for (const std::string* field : {&unit.code, &unit.name, &unit.colour, &unit.phase}) fnv.add(*field);
        fnv.add(unit.locked ? "locked" : "open");
    }
    std::vector<std::pair<std::string, std::string>> assignment = plan.assignment;
    std::sort(assignment.begin(), assignment.end());
    for (const auto& [ward, unit] : assignment) fnv.add(ward), fnv.add(unit);
    return fnv.text();
}

std::string file_checksum(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    Fnv fnv;
    std::string chunk(1 << 16, '\0');
    std::uint64_t hash = fnv.hash;
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
        for (std::streamsize i = 0; i < in.gcount(); ++i) hash = (hash ^ static_cast<unsigned char>(chunk[static_cast<std::size_t>(i)])) * 0x100000001b3ull;
        if (!in) break;
    }
    return fmt::format("fnv1a64:{:016x}", hash);
}

std::string utc_now() {
    return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
}

PlanVersion current_version(const PlanFile& plan) {
    if (!plan.versions.empty()) return plan.versions.back();
    PlanVersion version;
    version.version = plan.version;
    version.status = plan.status;
    version.author = plan.author;
    return version;
}

std::string Integrity::message() const {
    if (!changed) return {};
    return fmt::format("the plan was signed off with content {} but now has content {}: a line has been changed since it was signed",
                       recorded, actual);
}

Integrity check_integrity(const PlanFile& plan) {
    Integrity integrity;
    const PlanVersion current = current_version(plan);
    integrity.signed_off = current.status == status_signed_off;
    if (!integrity.signed_off || current.content.empty()) return integrity;
    integrity.recorded = current.content;
    integrity.actual = content_checksum(plan);
    integrity.changed = integrity.recorded != integrity.actual;
    return integrity;
}

namespace {

// A new draft version of `plan` made from `parent` (the plan as the last version recorded it).
PlanFile draft_from(PlanFile plan, const PlanFile& parent, const std::string& author, const std::string& time) {
    with_record(plan);
    const PlanVersion& last = plan.versions.back();
    PlanVersion draft;
    draft.version = last.version + 1;
    draft.author = author.empty() ? last.author : author;
    draft.time = time;
    // The parent is the version as it was recorded (signed), whatever was changed since.
    draft.parent = last.content.empty() ? content_checksum(parent) : last.content;
    draft.content = content_checksum(plan);
    record_parent(draft, parent, plan);
    plan.versions.push_back(std::move(draft));
    return mirrored(plan);
}

}  // namespace

PlanFile record_save(PlanFile plan, const PlanFile& before, const std::string& author, const std::string& time) {
    // A plan never proposed nor signed keeps no history: its file changes by one line per ward moved.
    if (plan.versions.empty() && plan.status != status_proposed && plan.status != status_signed_off) return plan;
    with_record(plan);
    const std::string content = content_checksum(plan);
    PlanVersion& last = plan.versions.back();
    if (last.status == status_draft) {
        last.content = content;
        last.time = time;
        if (!author.empty()) last.author = author;
        // The draft's moves follow its content, from the parent as `before` still gives it.
        if (last.moves_kept && plan.versions.size() > 1 && before.versions.size() == plan.versions.size())
            record_parent(last, parent_plan(before), plan);
    } else if (last.content != content) {
        return draft_from(std::move(plan), before, author, time);
    }
    return mirrored(plan);
}

PlanFile sign_off(PlanFile plan, const std::string& by, const std::string& time, const std::string& boundary_checksum) {
    return mark(std::move(plan), status_signed_off, by, time, boundary_checksum);
}

PlanFile propose(PlanFile plan, const std::string& by, const std::string& time, const std::string& boundary_checksum) {
    return mark(std::move(plan), status_proposed, by, time, boundary_checksum);
}

PlanFile new_draft(PlanFile plan, const std::string& author, const std::string& time) {
    const PlanFile parent = plan;
    return draft_from(std::move(plan), parent, author, time);
}

}  // namespace geo
