#pragma once
// The date a briefing map shows in its subtitle when none is given: the day it was made.
#include <string>

namespace render {

// "23 November 2026" (UTC).
std::string today_text();

}  // namespace render
