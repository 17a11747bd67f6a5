#include "geo/planner/plan_file.h"

#include "geo/core/errors.h"
#include "geo/export/atomic_output.h"
#include "geo/plan/resolve.h"
#include "geo/core/read_text.h"
#include "geo/core/toml_text.h"
#include "geo/core/wording.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <unordered_map>

namespace geo {

namespace fs = std::filesystem;

namespace {

// Far above any real plan; below them a number read is the number written.
constexpr std::int64_t max_version = 1'000'000'000;
constexpr std::int64_t max_wards = 100'000'000;

// A TOML basic string: always double quotes, so the file reads the same whatever the text holds.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\', out += c;
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else out += c;
    }
    return out + '"';
}

std::string key(const std::string& text) {
    const bool bare = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    });
    return bare ? text : quoted(text);
}

// A string value, or an InputError naming the line when it has another type.
std::string text(const toml::table& table, const std::string& name, const std::string& path, const std::string& fallback = {}) {
    const toml::node* node = table.get(name);
    if (!node) return fallback;
    if (const auto* value = node->as_string()) return value->get();
    throw InputError(path, line_of(*node), fmt::format("`{}` must be text in quotes", name), fmt::format("Write {} = \"...\".", name));
}

CommandUnit command_unit(const toml::node& node, const std::string& path) {
    const toml::table* table = node.as_table();
    if (!table) throw InputError(path, line_of(node), "each command unit must be a [[command_units]] table", "");
    CommandUnit unit;
    unit.code = text(*table, "code", path);
    unit.name = text(*table, "name", path, unit.code);
    unit.colour = text(*table, "colour", path);
    unit.phase = text(*table, "phase", path);
    unit.locked = (*table)["locked"].value_or(false);
    if (unit.code.empty()) throw InputError(path, line_of(node), "a command unit has no code", "Add code = \"...\".");
    if (!unit.colour.empty() && !is_colour(unit.colour))
        throw InputError(path, line_of(node), fmt::format("colour {} of {} is not #RRGGBB", unit.colour, unit.code),
                         "Write colours like \"#1f78b4\".");
    return unit;
}

// What a version keeps of its parent (plan_version.h): its moves, and its name and units if other.
void read_parent(const toml::table& table, const std::string& path, PlanVersion& version) {
    if (const toml::node* moves = table.get("moves")) {
        const toml::array* list = moves->as_array();
        if (!list) throw InputError(path, line_of(*moves), "`moves` must be a list of { ward = \"...\", from = \"...\", to = \"...\" }", "");
        version.moves_kept = true;
        for (const toml::node& node : *list) {
            const toml::table* move = node.as_table();
            if (!move) throw InputError(path, line_of(node), "each move must be { ward = \"...\", from = \"...\", to = \"...\" }", "");
            version.moves.push_back({text(*move, "ward", path), text(*move, "from", path), text(*move, "to", path)});
        }
    }
    if (table.get("parent_name")) version.parent_name = text(table, "parent_name", path);
    if (const toml::node* units = table.get("parent_units")) {
        const toml::array* list = units->as_array();
        if (!list) throw InputError(path, line_of(*units), "`parent_units` must be a list of command units", "");
        version.parent_units.emplace();
        for (const toml::node& node : *list) version.parent_units->push_back(command_unit(node, path));
    }
}

std::string inline_unit(const CommandUnit& unit) {
    return fmt::format("{{ code = {}, name = {}, colour = {}, phase = {}, locked = {} }}", quoted(unit.code), quoted(unit.name),
                       quoted(unit.colour), quoted(unit.phase), unit.locked);
}

// One line per ward moved, so the history reads as the assignment does.
std::string format_parent(const PlanVersion& version) {
    if (!version.moves_kept) return {};
    std::string out;
    if (version.parent_name) out += fmt::format("parent_name = {}\n", quoted(*version.parent_name));
    if (version.parent_units) {
        out += "parent_units = [\n";
        for (const CommandUnit& unit : *version.parent_units) out += "  " + inline_unit(unit) + ",\n";
        out += "]\n";
    }
    out += "moves = [";
    for (const WardMove& move : version.moves)
        out += fmt::format("\n  {{ ward = {}, from = {}, to = {} }},", quoted(move.ward), quoted(move.from), quoted(move.to));
    out += version.moves.empty() ? "]\n" : "\n]\n";
    return out;
}

}  // namespace

bool is_plan_file(const std::string& path) {
    const std::string ext = fs::path(path).extension().string();
    return ext == ".toml" || ext == ".wardplan";
}

PlanFile parse_plan_file(const std::string& source, const std::string& path) {
    const toml::table doc =
        parse_toml(source, path, "A plan file is TOML: key = \"value\" lines, [sections] and [[command_units]].");
    // The planner always writes a name and a [boundaries] table: nothing at all is a file cut short
    // or made by mistake, not a plan that leaves every ward out.
    if (doc.empty())
        throw InputError(path, "", "the plan file is empty (no name, no [[command_units]], no [assignment])",
                         "Give the plan saved by the planner (wardmap view), or a CSV plan table.");
    PlanFile plan;
    plan.path = path;
    plan.name = text(doc, "name", path, fs::path(path).stem().string());
    plan.author = text(doc, "author", path);
    plan.status = text(doc, "status", path, "draft");
    if (const toml::node* version = doc.get("version"))
        plan.version = static_cast<int>(whole_number(*version, path, "version", 0, max_version, "the plan's version", "Write version = 1."));
    if (const toml::table* boundaries = doc["boundaries"].as_table()) {
        plan.boundary_path = text(*boundaries, "path", path);
        plan.boundary_fingerprint = text(*boundaries, "fingerprint", path);
        if (const toml::node* wards = boundaries->get("wards"))
            plan.boundary_wards = static_cast<std::size_t>(
                whole_number(*wards, path, "boundaries.wards", 0, max_wards, "wards in the boundaries", "Write wards = 654."));
    }
    if (const toml::table* origin = doc["migrated_from"].as_table()) {
        plan.migrated_from.plan = text(*origin, "plan", path);
        plan.migrated_from.boundary_path = text(*origin, "boundaries", path);
        plan.migrated_from.boundary_fingerprint = text(*origin, "fingerprint", path);
        plan.migrated_from.method = text(*origin, "method", path, "area");
        if (const toml::node* wards = origin->get("wards"))
            plan.migrated_from.boundary_wards = static_cast<std::size_t>(
                whole_number(*wards, path, "migrated_from.wards", 0, max_wards, "wards in the old boundaries", "Write wards = 654."));
        if (const toml::node* review = origin->get("review"))
            plan.migrated_from.review = static_cast<std::size_t>(
                whole_number(*review, path, "migrated_from.review", 0, max_wards, "wards listed for review", "Write review = 12."));
        if (const toml::node* threshold = origin->get("threshold"))
            plan.migrated_from.threshold = real_number(*threshold, path, "migrated_from.threshold", 0, 1, "the review threshold", "Write threshold = 0.9.");
    }
    if (const toml::node* versions = doc.get("versions")) {
        const toml::array* list = versions->as_array();
        if (!list) throw InputError(path, line_of(*versions), "`versions` must be a list of [[versions]] tables", "");
        for (const toml::node& node : *list) {
            const toml::table* table = node.as_table();
            if (!table) throw InputError(path, line_of(node), "each version must be a [[versions]] table", "");
            PlanVersion version;
            if (const toml::node* number = table->get("version"))
                version.version = static_cast<int>(whole_number(*number, path, "versions.version", 0, max_version, "the version", "Write version = 2."));
            version.status = text(*table, "status", path, status_draft);
            if (!is_status(version.status))
                throw InputError(path, line_of(node), fmt::format("status {} is not draft, proposed or signed-off", version.status),
                                 "Write status = \"draft\".");
            version.author = text(*table, "author", path);
            version.signed_by = text(*table, "signed_by", path);
            version.time = text(*table, "time", path);
            version.parent = text(*table, "parent", path);
            version.content = text(*table, "content", path);
            version.boundary_checksum = text(*table, "boundary_checksum", path);
            read_parent(*table, path, version);
            plan.versions.push_back(std::move(version));
        }
        // The records are the history; the top-level fields are the current one's, for older readers.
        if (!plan.versions.empty()) {
            plan.version = plan.versions.back().version;
            plan.status = plan.versions.back().status;
            plan.author = plan.versions.back().author;
        }
    }
    std::set<std::string> codes;
    if (const toml::node* units = doc.get("command_units")) {
        const toml::array* list = units->as_array();
        if (!list) throw InputError(path, line_of(*units), "`command_units` must be a list of [[command_units]] tables", "");
        for (const toml::node& node : *list) {
            CommandUnit unit = command_unit(node, path);
            if (!codes.insert(unit.code).second)
                throw InputError(path, line_of(node), fmt::format("command unit {} is defined twice", unit.code), "Keep one of them.");
            plan.units.push_back(std::move(unit));
        }
    }
    if (const toml::table* assignment = doc["assignment"].as_table()) {
        for (const auto& [ward, node] : *assignment) {
            const auto* unit = node.as_string();
            if (!unit)
                throw InputError(path, line_of(node), fmt::format("ward {} must be given a command unit code in quotes", ward.str()),
                                 "Write WARD = \"UNIT\", or \"-\" to leave the ward out.");
            if (unit->get() != "-" && !codes.count(unit->get()))
                throw InputError(path, line_of(node),
                                 fmt::format("ward {} is given to {}, which is not among the [[command_units]]", ward.str(), unit->get()),
                                 "Add that command unit, or correct the code.");
            plan.assignment.emplace_back(std::string(ward.str()), unit->get());
        }
    }
    return plan;
}

PlanFile read_plan_file(const std::string& path) {
    return parse_plan_file(read_text(path, "the plan file", "Check the path and that you may read it."), path);
}

std::string format_plan_file(const PlanFile& plan) {
    std::string out;
    out += "# wardmap plan. One line per ward, sorted by code, so that version control shows each move as one line.\n";
    out += fmt::format("name = {}\nversion = {}\nauthor = {}\nstatus = {}\n\n", quoted(plan.name), plan.version,
                       quoted(plan.author), quoted(plan.status));
    if (!plan.versions.empty()) {
        out += "# Versions, oldest first. Each names its parent by the checksum of its content; a signed-off\n"
               "# version's content is checked on opening, so a line changed after sign-off is reported.\n"
               "# `moves` are the wards changed since the parent: `wardmap diff PLAN@1 PLAN@2` rebuilds any version from them.\n";
        for (const PlanVersion& version : plan.versions) {
            out += fmt::format("[[versions]]\nversion = {}\nstatus = {}\nauthor = {}\n", version.version, quoted(version.status),
                               quoted(version.author));
            if (!version.signed_by.empty()) out += fmt::format("signed_by = {}\n", quoted(version.signed_by));
            out += fmt::format("time = {}\nparent = {}\ncontent = {}\n", quoted(version.time), quoted(version.parent), quoted(version.content));
            if (!version.boundary_checksum.empty()) out += fmt::format("boundary_checksum = {}\n", quoted(version.boundary_checksum));
            out += format_parent(version) + '\n';
        }
    }
    out += "# The ward set this plan was made on: a plan opened on other boundaries is refused.\n[boundaries]\n";
    out += fmt::format("path = {}\nwards = {}\nfingerprint = {}\n", quoted(plan.boundary_path), plan.boundary_wards,
                       quoted(plan.boundary_fingerprint));
    if (!plan.migrated_from.empty()) {
        const PlanOrigin& origin = plan.migrated_from;
        out += "\n# Carried from another ward set by `wardmap migrate`: each ward took the command unit holding most of it.\n";
        out += fmt::format("[migrated_from]\nplan = {}\nboundaries = {}\nwards = {}\nfingerprint = {}\nmethod = {}\nthreshold = {:.6f}\nreview = {}\n",
                           quoted(origin.plan), quoted(origin.boundary_path), origin.boundary_wards, quoted(origin.boundary_fingerprint),
                           quoted(origin.method), origin.threshold, origin.review);
    }
    for (const CommandUnit& unit : plan.units) {
        out += fmt::format("\n[[command_units]]\ncode = {}\nname = {}\n", quoted(unit.code), quoted(unit.name));
        if (!unit.colour.empty()) out += fmt::format("colour = {}\n", quoted(unit.colour));
        if (!unit.phase.empty()) out += fmt::format("phase = {}\n", quoted(unit.phase));
        out += fmt::format("locked = {}\n", unit.locked);
    }
    out += "\n# ward = command unit; \"-\" leaves a ward out of the plan on purpose.\n[assignment]\n";
    std::vector<std::size_t> order(plan.assignment.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return plan.assignment[a].first < plan.assignment[b].first; });
    for (std::size_t i : order) {
        const auto& [ward, unit] = plan.assignment[i];
        out += fmt::format("{} = {}", key(ward), quoted(unit));
        if (i < plan.notes.size() && !plan.notes[i].empty()) out += "  # " + plan.notes[i];
        out += '\n';
    }
    return out;
}

void write_plan_file(const std::string& path, const PlanFile& plan) {
    // The boundary path is kept relative to the plan's folder, so a plan and its boundaries can be
    // moved or checked out elsewhere together.
    PlanFile written = plan;
    for (std::string* named : {&written.boundary_path, &written.migrated_from.plan, &written.migrated_from.boundary_path})
        if (!named->empty() && fs::path(*named).is_absolute())
            *named = fs::path(*named).lexically_proximate(fs::absolute(path).parent_path()).generic_string();
    AtomicOutput output(path, true);
    {
        std::ofstream out(output.path(), std::ios::binary);
        out << format_plan_file(written);
        out.flush();
        if (!out) throw OutputError(fmt::format("{}: could not write the plan (disk full?); the previous file is kept", path));
    }
    output.commit();
}

std::string ward_set_fingerprint(const WardSet& wards) {
    std::vector<std::string> codes;
    codes.reserve(wards.units.size());
    for (const Ward& ward : wards.units) codes.push_back(ward.code);
    std::sort(codes.begin(), codes.end());
    std::uint64_t hash = 0xcbf29ce484222325ull;
    for (const std::string& code : codes)
        for (unsigned char c : code + '\n') hash = (hash ^ c) * 0x100000001b3ull;
    return fmt::format("fnv1a64:{:016x}", hash);
}

Assignment assignment_from(const WardSet& wards, const PlanFile& plan) {
    const std::string here = ward_set_fingerprint(wards);
    if (!plan.boundary_fingerprint.empty() && plan.boundary_fingerprint != here)
        throw InputError(plan.path, "[boundaries]",
                         fmt::format("this plan was made on another ward set ({} wards from {}); the boundaries opened have {} wards",
                                     plan.boundary_wards, plan.boundary_path.empty() ? "an unnamed source" : plan.boundary_path,
                                     wards.units.size()),
                         fmt::format("Open the plan with the boundaries it names ({}), or start a plan on these.", plan.boundary_path));
    std::unordered_map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < wards.units.size(); ++i) index.emplace(wards.units[i].code, i);
    Assignment assignment;
    assignment.units = plan.units;
    assignment.unit_of.assign(wards.units.size(), unassigned);
    std::vector<std::string> unknown;
    for (const auto& [ward, unit] : plan.assignment) {
        const auto it = index.find(ward);
        if (it == index.end()) {
            unknown.push_back(ward);
            continue;
        }
        assignment.unit_of[it->second] = unit == "-" ? left_out : assignment.find(unit);
    }
    if (!unknown.empty())
        throw InputError(plan.path, "[assignment]",
                         fmt::format("{} ward code(s) are not in the boundaries opened: {}{}", unknown.size(), unknown.front(),
                                     unknown.size() > 1 ? fmt::format(" and {} more", unknown.size() - 1) : ""),
                         "Open the plan with the boundaries it was made on.");
    return assignment;
}

PlanFile plan_file_from(const WardSet& wards, const Assignment& assignment, PlanFile meta) {
    meta.units = assignment.units;
    meta.boundary_fingerprint = ward_set_fingerprint(wards);
    meta.boundary_wards = wards.units.size();
    meta.assignment.clear();
    meta.notes.clear();
    for (std::size_t w = 0; w < wards.units.size(); ++w) {
        const int unit = assignment.unit_of[w];
        if (unit == unassigned) continue;
        const Ward& ward = wards.units[w];
        meta.assignment.emplace_back(ward.code, unit == left_out ? std::string("-") : assignment.units[unit].code);
        meta.notes.push_back(ward.parent_name.empty() ? ward.name : ward.name + ", " + ward.parent_name);
    }
    return meta;
}

std::string autosave_path(const std::string& plan_path) {
    // A plan file autosaves beside itself; a CSV table (perhaps the bundled one, perhaps read-only)
    // or a plan never saved autosaves under the user's state folder.
    if (is_plan_file(plan_path)) {
        const fs::path path(plan_path);
        return (path.parent_path() / fmt::format(".{}.autosave", path.filename().string())).string();
    }
    fs::path state;
    if (const char* xdg = std::getenv("XDG_STATE_HOME"); xdg && *xdg) state = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) state = fs::path(home) / ".local" / "state";
    else state = fs::temp_directory_path();
    const std::string stem = plan_path.empty() ? "unsaved" : fs::path(plan_path).stem().string();
    return (state / "wardmap" / (stem + ".wardplan.autosave")).string();
}

Plan plan_from_file(const PlanFile& file) {
    Plan plan;
    plan.name = file.name;
    plan.path = file.path;
    plan.units = file.units;
    std::size_t line = 0;
    for (const auto& [ward, unit] : file.assignment) plan.rows.push_back({ward, unit == "-" ? "" : unit, "", ++line});
    // As a CSV plan without rows is refused: dissolving it would write 0 command units.
    if (std::none_of(plan.rows.begin(), plan.rows.end(), [](const PlanRow& row) { return !row.unit_code.empty(); }))
        throw InputError(file.path, "[assignment]", "the plan gives no ward to a command unit",
                         "Assign wards in the planner (wardmap view) and save, or give a CSV plan table.");
    return plan;
}

Assignment open_plan(const WardSet& wards, const std::string& path, PlanFile* meta) {
    if (is_plan_file(path)) {
        PlanFile file = read_plan_file(path);
        Assignment assignment = assignment_from(wards, file);
        if (meta) *meta = std::move(file);
        return assignment;
    }
    const Plan plan = read_plan(path);
    const PlanResolution resolution = resolve_plan(wards, plan);
    if (!resolution.unknown_rows.empty()) {
        const PlanRow& row = resolution.unknown_rows.front();
        throw InputError(path, fmt::format("line {}", row.line),
                         fmt::format("{} matches no ward or borough code in the boundaries opened ({} such rows)", row.key,
                                     resolution.unknown_rows.size()),
                         "Is this plan for another ward set? `wardmap validate` lists every such row.");
    }
    if (meta) {
        *meta = PlanFile{};
        meta->name = plan.name;
        meta->path = path;
    }
    return assignment_from(wards, plan, resolution);
}

void write_autosave(const std::string& plan_path, const PlanFile& plan) {
    const fs::path path = autosave_path(plan_path);
    std::error_code ignored;
    fs::create_directories(path.parent_path(), ignored);
    write_plan_file(path.string(), plan);
}

std::string recoverable_autosave(const std::string& plan_path) {
    const fs::path autosave = autosave_path(plan_path);
    std::error_code error;
    if (!fs::exists(autosave, error)) return {};
    if (!plan_path.empty() && fs::exists(plan_path, error) &&
        fs::last_write_time(autosave, error) <= fs::last_write_time(plan_path, error))
        return {};
    return autosave.string();
}

void discard_autosave(const std::string& plan_path) {
    std::error_code ignored;
    fs::remove(autosave_path(plan_path), ignored);
}

}  // namespace geo
