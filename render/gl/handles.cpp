#include "render/gl/handles.h"

#include "geo/core/errors.h"

#include <vector>

namespace render::gl {

GLuint BufferKind::make() { GLuint id = 0; glGenBuffers(1, &id); return id; }
void BufferKind::free(GLuint id) noexcept { glDeleteBuffers(1, &id); }
GLuint VertexArrayKind::make() { GLuint id = 0; glGenVertexArrays(1, &id); return id; }
void VertexArrayKind::free(GLuint id) noexcept { glDeleteVertexArrays(1, &id); }
GLuint TextureKind::make() { GLuint id = 0; glGenTextures(1, &id); return id; }
void TextureKind::free(GLuint id) noexcept { glDeleteTextures(1, &id); }
GLuint FramebufferKind::make() { GLuint id = 0; glGenFramebuffers(1, &id); return id; }
void FramebufferKind::free(GLuint id) noexcept { glDeleteFramebuffers(1, &id); }

namespace {

// A compiled shader lives only until it is linked into the program.
class Shader {
public:
    Shader(GLenum kind, const std::string& source) : id_(glCreateShader(kind)) {
        const char* text = source.c_str();
        glShaderSource(id_, 1, &text, nullptr);
        glCompileShader(id_);
        GLint ok = 0;
        glGetShaderiv(id_, GL_COMPILE_STATUS, &ok);
        if (!ok) throw geo::Error("OpenGL shader does not compile: " + log() +
                                  "\n  The window needs OpenGL 3.3 (Mesa's llvmpipe has it).");
    }
    ~Shader() { glDeleteShader(id_); }
    Shader(const Shader&) = delete;
    Shader& operator=(const Shader&) = delete;
    GLuint id() const { return id_; }

private:
    std::string log() const {
        GLint length = 0;
        glGetShaderiv(id_, GL_INFO_LOG_LENGTH, &length);
        std::vector<char> text(static_cast<std::size_t>(length) + 1, '\0');
        glGetShaderInfoLog(id_, length, nullptr, text.data());
        return text.data();
    }
    GLuint id_;
};

// Shaders first, so a compile error leaves no program behind.
GLuint link_program(const std::string& vertex_source, const std::string& fragment_source) {
    const Shader vertex(GL_VERTEX_SHADER, vertex_source);
    const Shader fragment(GL_FRAGMENT_SHADER, fragment_source);
    const GLuint id = glCreateProgram();
    glAttachShader(id, vertex.id());
    glAttachShader(id, fragment.id());
    glLinkProgram(id);
    glDetachShader(id, vertex.id());
    glDetachShader(id, fragment.id());
    GLint ok = 0;
    glGetProgramiv(id, GL_LINK_STATUS, &ok);
    if (!ok) {
        glDeleteProgram(id);
        throw geo::Error("OpenGL program does not link\n  The window needs OpenGL 3.3 (Mesa's llvmpipe has it).");
    }
    return id;
}

}  // namespace

Program::Program(const std::string& vertex_source, const std::string& fragment_source)
    : id_(link_program(vertex_source, fragment_source)) {}

Program::~Program() { glDeleteProgram(id_); }

}  // namespace render::gl
