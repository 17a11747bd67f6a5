#pragma once
// Round numbers for chart axes, and the text printed at them. Pure: no drawing library.
#include <string>
#include <vector>

namespace render {

struct AxisTicks {
    std::vector<double> values;  // ascending, every one inside [lo, hi]
    double step = 0;             // 1, 2 or 5 times a power of ten
    int decimals = 0;            // enough to tell two neighbouring ticks apart, no more
};

// At most `max_ticks` (>= 2) round values in [lo, hi], evenly spaced, the step as large as that
// allows no fewer than two ticks when the range is wide enough to hold them. lo == hi: that one value.
AxisTicks nice_ticks(double lo, double hi, int max_ticks);

// Ticks for a count from 0 to `hi`: as nice_ticks, but never a fraction of a plan.
AxisTicks count_ticks(double hi, int max_ticks);

// 1234567.891 with 2 decimals -> "1,234,567.89"; never "-0".
std::string format_number(double value, int decimals);

// A count in at most four characters and a suffix: 950, "12k", "1.2M" (for y axes of plan counts).
std::string format_count(double count);

}  // namespace render
