#pragma once
// Move-only owners of GL objects. Drawing code borrows their ids; only these free them. Each must
// be created and destroyed while the window's GL context is current.
#include "render/gl/gl.h"

#include <string>
#include <utility>

namespace render::gl {

// How one kind of GL object is made and freed (handles.cpp): the only place that frees them.
struct BufferKind { static GLuint make(); static void free(GLuint id) noexcept; };
struct VertexArrayKind { static GLuint make(); static void free(GLuint id) noexcept; };
struct TextureKind { static GLuint make(); static void free(GLuint id) noexcept; };
struct FramebufferKind { static GLuint make(); static void free(GLuint id) noexcept; };

// One owner for every kind of GL name. GL ignores name 0, so a moved-from owner frees nothing.
template <class Kind>
class Handle {
public:
    Handle() : id_(Kind::make()) {}
    ~Handle() { Kind::free(id_); }
    Handle(Handle&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Handle& operator=(Handle&& other) noexcept { std::swap(id_, other.id_); return *this; }
    Handle(const Handle&) = delete;
    Handle& operator=(const Handle&) = delete;
    GLuint id() const noexcept { return id_; }

private:
    GLuint id_ = 0;
};

using Buffer = Handle<BufferKind>;
using VertexArray = Handle<VertexArrayKind>;
using Texture = Handle<TextureKind>;
using Framebuffer = Handle<FramebufferKind>;

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
