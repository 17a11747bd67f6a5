#include "ui/app/screenshot.h"

#include "geo/core/errors.h"
#include "render/gl/gl.h"

#include <stb_image_write.h>

#include <algorithm>
#include <filesystem>
#include <system_error>
#include <unistd.h>

namespace ui {

std::uint32_t Pixels::at(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return 0;
    const std::size_t i = 3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x));
    return static_cast<std::uint32_t>(rgb[i]) << 16 | static_cast<std::uint32_t>(rgb[i + 1]) << 8 | rgb[i + 2];
}

Pixels read_framebuffer(int width, int height) {
    Pixels pixels{width, height, std::vector<std::uint8_t>(3 * static_cast<std::size_t>(width) * static_cast<std::size_t>(height))};
    std::vector<std::uint8_t> bottom_up(pixels.rgb.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, bottom_up.data());
    const std::size_t row = 3 * static_cast<std::size_t>(width);
    for (int y = 0; y < height; ++y)  // GL counts rows from the bottom, PNG from the top
        std::copy_n(bottom_up.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height - 1 - y)), row,
                    pixels.rgb.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    return pixels;
}

void write_png(const std::string& path, const Pixels& pixels) {
    const std::string partial = path + ".partial-" + std::to_string(getpid());
    if (!stbi_write_png(partial.c_str(), pixels.width, pixels.height, 3, pixels.rgb.data(), 3 * pixels.width)) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        throw geo::OutputError("cannot write the screenshot " + path + "\n  Check that its folder exists and is writable.");
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) {
        std::filesystem::remove(partial, error);
        throw geo::OutputError("cannot write the screenshot " + path + ": " + error.message());
    }
}

}  // namespace ui
