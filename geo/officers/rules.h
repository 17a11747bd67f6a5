#pragma once
// Officer rules: what each ward and command unit gets, the pools shared across command units and
// how each is split, and the establishment the total is checked against. Read from a TOML file
// kept next to the plan (datasets/officers/mps-2018.toml is the bundled default).
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {

// Fixed posts in every ward: from December 2017, 2 Dedicated Ward Officers and 1 PCSO.
struct WardPosts {
    int dwo = 2;
    int pcso = 1;
};

// Each BCU: a Chief Superintendent and five Superintendents (SLP, PCD 72).
struct Leadership {
    int chief_superintendents = 1;
    int superintendents = 5;
};

// A measure a pool is split by, and its share of the mix (shares of one pool add up to 1).
// Measures: crime, population, area, access (public transport), equal.
struct WeightPart {
    std::string measure;
    double share = 1.0;
};

struct Pool {
    std::string name;
    int posts = 0;
    std::vector<WeightPart> weight;
    int minimum_per_unit = 0;                   // each command unit gets at least this many
    std::map<std::string, int> minimum_for;     // command unit code -> its own minimum (wins)
    int minimum_of(const std::string& unit_code) const;
};

// Where a measure's numbers come from (paths relative to the rules file). Crime: months YYYYMM-YYYYMM
// and MajorText categories; the others: one column.
struct MeasureSource {
    std::string file, column, months;
    std::vector<std::string> categories;
    bool name_fallback = false;  // join by ward name and borough when the code is not found
};

struct OfficerRules {
    std::string path;
    WardPosts ward;
    std::map<std::string, WardPosts> by_borough;  // parent code -> posts
    std::map<std::string, WardPosts> by_ward;     // ward code -> posts (wins over the borough)
    Leadership leadership;
    std::vector<Pool> pools;
    std::optional<int> establishment;             // police officers; PCSOs are counted apart
    std::map<std::string, MeasureSource> measures;

    const WardPosts& posts_for(const std::string& ward_code, const std::string& borough_code) const;
    // Measures the pools weight by, each once, in the order first used ("equal" and "area" need no table).
    std::vector<std::string> measures_used() const;
};

inline const char* const known_measures[] = {"crime", "population", "area", "access", "equal"};

// Throws InputError naming the file and key: unknown keys or measures, negative posts, shares not
// adding up to 1, minimums that exceed a pool.
OfficerRules read_rules(const std::string& path);
OfficerRules parse_rules(const std::string& text, const std::string& path);

}  // namespace geo
