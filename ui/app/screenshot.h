#pragma once
// The window's pixels: read back after a frame is drawn, written as PNG atomically.
#include <cstdint>
#include <string>
#include <vector>

namespace ui {

struct Pixels {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // top row first
    std::uint32_t at(int x, int y) const;  // 0xRRGGBB; 0 outside
};

Pixels read_framebuffer(int width, int height);
// Throws geo::OutputError; nothing is left behind on failure.
void write_png(const std::string& path, const Pixels& pixels);

}  // namespace ui
