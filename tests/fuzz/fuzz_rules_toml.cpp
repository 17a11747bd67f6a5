// The officer rules (TOML): any bytes are read into rules within their bounds or refused with an
// InputError; none reaches toml++'s undefined behaviour (compiled in, checks on, in this build).
#include "fuzz_support.h"
#include "geo/core/errors.h"
#include "geo/officers/rules.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const geo::OfficerRules rules = geo::parse_rules(fuzz::text_of(data, size), "rules.toml");
        fuzz::require(rules.ward.dwo >= 0 && rules.ward.pcso >= 0, "ward posts are 0 or more");
        for (const geo::Pool& pool : rules.pools) {
            fuzz::require(pool.posts >= 0 && pool.minimum_per_unit >= 0, "pool posts are 0 or more");
            double total = 0;
            for (const geo::WeightPart& part : pool.weight) {
                fuzz::require(std::isfinite(part.share) && part.share >= 0 && part.share <= 1, "shares are from 0 to 1");
                total += part.share;
            }
            fuzz::require(std::abs(total - 1) < 1e-6, "a pool's shares add up to 1");
        }
    } catch (const geo::InputError&) {
    }
    return 0;
}
