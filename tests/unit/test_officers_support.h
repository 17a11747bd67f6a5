#pragma once
// The 2014 London wards under the bundled 12-BCU plan, loaded once per process and shared by the
// officer, rollout and attribute tests (they only read them).
#include "support.h"

#include "geo/plan/plan.h"
#include "geo/plan/resolve.h"
#include "geo/source/load.h"

#include <memory>

namespace wardmap_test {

struct London2014 {
    geo::WardSet wards;
    geo::Grouping grouping;  // the 12 BCUs; the City's 25 wards in none
};

inline const London2014& london_2014() {
    static std::unique_ptr<London2014> loaded;
    if (!loaded) {
        loaded = std::make_unique<London2014>();
        geo::LoadOptions options;
        options.sources = {shared_data("london/wards-2014-mapinfo/London_Ward.tab")};
        loaded->wards = geo::load_units(options);
        loaded->grouping = geo::resolve_plan(loaded->wards, geo::read_plan(source_dir("datasets/plans/mps-12-bcu-2018.csv"))).grouping;
    }
    return *loaded;
}

inline int group_index(const geo::Grouping& grouping, const std::string& code) {
    for (std::size_t g = 0; g < grouping.groups.size(); ++g)
        if (grouping.groups[g].code == code) return static_cast<int>(g);
    return -1;
}

}  // namespace wardmap_test
