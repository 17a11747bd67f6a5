#pragma once
// OpenGL 3.3 entry points straight from Mesa's libGL (GLVND exports them all on Linux), so no
// loader of our own is needed.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>
