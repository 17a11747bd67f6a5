#pragma once
// One exit code per kind of failure, clear of 124-127 and 137 (timeout's and the shell's).
namespace exit_code {
inline constexpr int ok = 0;
inline constexpr int internal = 1;
inline constexpr int usage = 2;
inline constexpr int bad_input = 3;
inline constexpr int validation_failed = 4;
inline constexpr int output_failed = 5;
// wardmap plan save: saved as a new version, but not the current one (someone saved first).
inline constexpr int saved_not_current = 6;
inline constexpr int cancelled = 130;
}  // namespace exit_code
