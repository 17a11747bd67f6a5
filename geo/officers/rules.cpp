#include "geo/officers/rules.h"

#include "geo/core/errors.h"
#include "geo/core/read_text.h"
#include "geo/core/toml_text.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace geo {
namespace {

// Bounds on every count, far above any force's and low enough that no sum over thousands of wards
// or command units can overflow an int (2147483647 DWOs per ward once gave -2147483275 officers).
constexpr std::int64_t most_per_ward = 1000;
constexpr std::int64_t most_per_unit = 1000;
constexpr std::int64_t most_in_force = 1000000;

struct Reader {
    const std::string& path;

    [[noreturn]] void fail(const std::string& where, const std::string& problem, const std::string& fix) const {
        throw InputError(path, where, problem, fix);
    }

    int count(const toml::node* node, const std::string& where, int fallback, std::int64_t most, const char* what) const {
        if (!node) return fallback;
        const std::string key = where.substr(where.find_last_of(". ") + 1);
        return static_cast<int>(whole_number(*node, path, where, 0, most, what, fmt::format("e.g. {} = 2", key)));
    }

    void only_keys(const toml::table& table, const std::string& where, std::initializer_list<std::string_view> keys) const {
        for (const auto& [key, value] : table)
            if (std::find(keys.begin(), keys.end(), key.str()) == keys.end()) {
                std::string list;
                for (auto k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
                fail(where.empty() ? std::string(key.str()) : where + "." + std::string(key.str()), "unknown key", "Keys here: " + list + ".");
            }
    }

    WardPosts ward_posts(const toml::table& table, const std::string& where, WardPosts base) const {
        only_keys(table, where, {"dwo", "pcso", "by_borough", "by_code"});
        base.dwo = count(table["dwo"].node(), where + ".dwo", base.dwo, most_per_ward, "posts in one ward");
        base.pcso = count(table["pcso"].node(), where + ".pcso", base.pcso, most_per_ward, "posts in one ward");
        return base;
    }

    std::vector<WeightPart> weight(const toml::node* node, const std::string& where) const {
        auto check = [&](const std::string& measure) {
            if (std::find(std::begin(known_measures), std::end(known_measures), measure) == std::end(known_measures))
                fail(where, "unknown measure '" + measure + "'", "Measures: crime, population, area, access, equal.");
        };
        if (!node) return {{"equal", 1.0}};
        if (const auto* text = node->as_string()) {
            check(text->get());
            return {{text->get(), 1.0}};
        }
        const auto* mix = node->as_table();
        if (!mix) fail(where, "expected a measure or a mix", "e.g. weight = \"crime\" or weight = { crime = 0.7, population = 0.3 }");
        std::vector<WeightPart> parts;
        double total = 0;
        for (const auto& [key, value] : *mix) {
            check(std::string(key.str()));
            const double share = real_number(value, path, where + "." + std::string(key.str()), 0, 1, "a share of the pool", "e.g. crime = 0.7");
            parts.push_back({std::string(key.str()), share});
            total += share;
        }
        if (std::abs(total - 1.0) > 1e-9)
            fail(where, fmt::format("the shares add up to {:g}, not 1", total), "Make the shares of one pool add up to 1.");
        return parts;
    }
};

void read_ward_section(const Reader& reader, const toml::table& root, OfficerRules& rules) {
    const auto* ward = root["ward"].as_table();
    if (!ward) return;
    rules.ward = reader.ward_posts(*ward, "ward", rules.ward);
    auto overrides = [&](const char* key, std::map<std::string, WardPosts>& into) {
        if (const auto* table = (*ward)[key].as_table())
            for (const auto& [code, posts] : *table) {
                const std::string where = fmt::format("ward.{}.{}", key, code.str());
                if (!posts.is_table()) reader.fail(where, "expected a table", "e.g. [" + where + "] dwo = 3");
                into[std::string(code.str())] = reader.ward_posts(*posts.as_table(), where, rules.ward);
            }
    };
    overrides("by_borough", rules.by_borough);
    overrides("by_code", rules.by_ward);
}

void read_pools(const Reader& reader, const toml::table& root, OfficerRules& rules) {
    const auto* pools = root["pool"].as_array();
    if (!pools) return;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < pools->size(); ++i) {
        const auto* table = (*pools)[i].as_table();
        const std::string where = fmt::format("pool {}", i + 1);
        if (!table) reader.fail(where, "expected [[pool]] tables", "e.g. [[pool]] name = \"Response\" posts = 100");
        reader.only_keys(*table, where, {"name", "posts", "weight", "minimum", "minimums"});
        Pool pool;
        pool.name = (*table)["name"].value_or(std::string());
        if (pool.name.empty()) reader.fail(where, "a pool needs a name", "e.g. name = \"Safeguarding uplift\"");
        const std::string named = "pool " + pool.name;
        pool.posts = reader.count((*table)["posts"].node(), named + ".posts", -1, most_in_force, "posts in a pool");
        if (pool.posts < 0) reader.fail(named, "a pool needs its number of posts", "e.g. posts = 488");
        pool.weight = reader.weight((*table)["weight"].node(), named + ".weight");
        pool.minimum_per_unit = reader.count((*table)["minimum"].node(), named + ".minimum", 0, most_in_force, "posts per command unit");
        if (const auto* minimums = (*table)["minimums"].as_table())
            for (const auto& [unit, value] : *minimums)
                pool.minimum_for[std::string(unit.str())] = reader.count(&value, named + ".minimums." + std::string(unit.str()), 0, most_in_force, "posts per command unit");
        total += pool.posts;
        if (total > most_in_force)
            reader.fail(named + ".posts", fmt::format("the pools add up to {} posts, more than {}", total, most_in_force),
                        "Give each pool its number of posts, not a running total.");
        rules.pools.push_back(std::move(pool));
    }
}

void read_measures(const Reader& reader, const toml::table& root, OfficerRules& rules) {
    const auto* measures = root["measure"].as_table();
    if (!measures) return;
    for (const auto& [key, node] : *measures) {
        const std::string where = "measure." + std::string(key.str());
        const auto* table = node.as_table();
        if (!table) reader.fail(where, "expected a table", "e.g. [" + where + "] file = \"crime.csv\"");
        reader.only_keys(*table, where, {"file", "column", "months", "categories", "name_fallback", "borough_totals"});
        MeasureSource source;
        source.file = (*table)["file"].value_or(std::string());
        source.column = (*table)["column"].value_or(std::string());
        source.months = (*table)["months"].value_or(std::string());
        source.name_fallback = (*table)["name_fallback"].value_or(false);
        source.borough_totals = (*table)["borough_totals"].value_or(false);
        if (const auto* categories = (*table)["categories"].as_array())
            for (const auto& category : *categories) source.categories.push_back(category.value_or(std::string()));
        rules.measures[std::string(key.str())] = std::move(source);
    }
}

}  // namespace

int Pool::minimum_of(const std::string& unit_code) const {
    const auto found = minimum_for.find(unit_code);
    return found != minimum_for.end() ? found->second : minimum_per_unit;
}

const WardPosts& OfficerRules::posts_for(const std::string& ward_code, const std::string& borough_code) const {
    if (const auto found = by_ward.find(ward_code); found != by_ward.end()) return found->second;
    if (const auto found = by_borough.find(borough_code); found != by_borough.end()) return found->second;
    return ward;
}

std::vector<std::string> OfficerRules::measures_used() const {
    std::vector<std::string> used;
    for (const Pool& pool : pools)
        for (const WeightPart& part : pool.weight)
            if (std::find(used.begin(), used.end(), part.measure) == used.end()) used.push_back(part.measure);
    return used;
}

OfficerRules parse_rules(const std::string& text, const std::string& path) {
    const toml::table root = parse_toml(text, path, "The rules are TOML: see datasets/officers/mps-2018.toml.");
    const Reader reader{path};
    reader.only_keys(root, "", {"establishment", "ward", "leadership", "pool", "measure"});
    OfficerRules rules;
    rules.path = path;
    if (root["establishment"]) rules.establishment = reader.count(root["establishment"].node(), "establishment", 0, most_in_force, "police officers in the force");
    read_ward_section(reader, root, rules);
    if (const auto* leadership = root["leadership"].as_table()) {
        reader.only_keys(*leadership, "leadership", {"chief_superintendents", "superintendents"});
        rules.leadership.chief_superintendents = reader.count((*leadership)["chief_superintendents"].node(), "leadership.chief_superintendents", 1,
                                                                 most_per_unit, "officers per command unit");
        rules.leadership.superintendents = reader.count((*leadership)["superintendents"].node(), "leadership.superintendents", 5, most_per_unit,
                                                           "officers per command unit");
    }
    read_pools(reader, root, rules);
    read_measures(reader, root, rules);
    return rules;
}

OfficerRules read_rules(const std::string& path) {
    return parse_rules(read_text(path, "the officer rules", "Give the path of an officer rules file (TOML)."), path);
}

}  // namespace geo
