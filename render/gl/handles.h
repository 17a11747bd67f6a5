#pragma once
// Move-only owners of GL objects. Drawing code borrows their ids; only these free them. Each must
// be created and destroyed while the window's GL context is current.
#include "render/gl/gl.h"

#include <string>
#include <utility>

namespace render::gl {

class Buffer {
public:
    Buffer();
    ~Buffer();
    Buffer(Buffer&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Buffer& operator=(Buffer&& other) noexcept { std::swap(id_, other.id_); return *this; }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    GLuint id() const noexcept { return id_; }

private:
    GLuint id_ = 0;
};

class VertexArray {
public:
    VertexArray();
    ~VertexArray();
    VertexArray(VertexArray&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    VertexArray& operator=(VertexArray&& other) noexcept { std::swap(id_, other.id_); return *this; }
    VertexArray(const VertexArray&) = delete;
    VertexArray& operator=(const VertexArray&) = delete;
    GLuint id() const noexcept { return id_; }

private:
    GLuint id_ = 0;
};

class Texture {
public:
    Texture();
    ~Texture();
    Texture(Texture&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Texture& operator=(Texture&& other) noexcept { std::swap(id_, other.id_); return *this; }
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;
    GLuint id() const noexcept { return id_; }

private:
    GLuint id_ = 0;
};

// A linked vertex + fragment program. Throws geo::Error with GL's log when compiling fails.
class Program {
public:
    Program(const std::string& vertex_source, const std::string& fragment_source);
    ~Program();
    Program(Program&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Program& operator=(Program&& other) noexcept { std::swap(id_, other.id_); return *this; }
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;
    GLuint id() const noexcept { return id_; }
    GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

private:
    GLuint id_ = 0;
};

}  // namespace render::gl
