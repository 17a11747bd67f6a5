#pragma once
// What every fuzz target shares: the input as text, and a broken promise reported as a crash
// (libFuzzer keeps the input that caused it).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace fuzz {

inline std::string text_of(const std::uint8_t* data, std::size_t size) { return {reinterpret_cast<const char*>(data), size}; }

[[noreturn]] inline void broken(const char* promise) {
    std::fprintf(stderr, "fuzz: broken promise: %s\n", promise);
    std::abort();
}

inline void require(bool kept, const char* promise) {
    if (!kept) broken(promise);
}

}  // namespace fuzz
