#pragma once
// The colours and type of ensemble figures. Printed briefings are often greyscale: the reference is
// dark (L* 36) and drawn as a line or a diamond, the ensemble light (bars L* 71, boxes L* 85), so the
// two never read as one another without colour.
#include "render/briefing/text.h"

namespace render {

inline constexpr Rgb reference_red{0.66, 0.05, 0.13};
inline constexpr Rgb bar_fill{0.58, 0.69, 0.81};
inline constexpr Rgb box_fill{0.78, 0.84, 0.91};
inline constexpr Rgb grid_grey{0.87, 0.87, 0.87};
inline constexpr double reference_line_width = 1.6;  // points

inline constexpr Font heading_font{9, true, false};
inline constexpr Font detail_font{7, false, false};
inline constexpr Font tick_font{7, false, false};
inline constexpr Font mark_font{7.5, true, false};
inline constexpr Font mark_detail_font{7.5, false, false};

}  // namespace render
