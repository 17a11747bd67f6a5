#include "render/gl/offscreen_image.h"

#include "geo/core/errors.h"

#include <algorithm>
#include <string>

namespace render::gl {

namespace {

// Rectangles in window pixels; each pixel fetches its own texel (no filtering, no scaling).
const char* copy_vertex = R"(#version 330 core
layout(location = 0) in vec2 pixel;
uniform vec2 size;
void main() { gl_Position = vec4(pixel / size * 2.0 - 1.0, 0.0, 1.0); })";

const char* copy_fragment = R"(#version 330 core
uniform sampler2D image;
out vec4 colour;
void main() { colour = texelFetch(image, ivec2(gl_FragCoord.xy), 0); })";

}  // namespace

PixelRect intersection(const PixelRect& a, const PixelRect& b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    return {x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}

OffscreenImage::OffscreenImage() : copy_(copy_vertex, copy_fragment) {
    glBindVertexArray(vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, corners_.id());
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
}

void OffscreenImage::draw_into(int width, int height) {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_.id());
    glViewport(0, 0, width, height);
    if (width == width_ && height == height_) return;
    glBindTexture(GL_TEXTURE_2D, pixels_.id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, pixels_.id(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        width_ = height_ = 0;
        throw geo::Error("OpenGL cannot draw into an image of " + std::to_string(width) + "x" + std::to_string(height) +
                         "\n  The window needs OpenGL 3.3 (Mesa's llvmpipe has it).");
    }
    width_ = width, height_ = height;
}

void OffscreenImage::show() { show({{0, 0, width_, height_}}); }

void OffscreenImage::show(const std::vector<PixelRect>& parts) {
    glDisable(GL_BLEND);
    copy(parts);
}

void OffscreenImage::show_over(const std::vector<PixelRect>& parts) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    copy(parts);
    glDisable(GL_BLEND);
}

void OffscreenImage::copy(const std::vector<PixelRect>& parts) {
    glDisable(GL_SCISSOR_TEST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width_, height_);
    scratch_.clear();
    for (const PixelRect& r : parts) {
        const float x0 = static_cast<float>(r.x), y0 = static_cast<float>(r.y);
        const float x1 = static_cast<float>(r.x + r.width), y1 = static_cast<float>(r.y + r.height);
        scratch_.insert(scratch_.end(), {x0, y0, x1, y0, x1, y1, x0, y0, x1, y1, x0, y1});
    }
    if (scratch_.empty() || width_ == 0) return;
    glUseProgram(copy_.id());
    glUniform2f(copy_.uniform("size"), static_cast<float>(width_), static_cast<float>(height_));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, pixels_.id());
    glUniform1i(copy_.uniform("image"), 0);
    glBindVertexArray(vao_.id());
    glBindBuffer(GL_ARRAY_BUFFER, corners_.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(scratch_.size() * sizeof(float)), scratch_.data(), GL_STREAM_DRAW);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(scratch_.size() / 2));
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace render::gl
