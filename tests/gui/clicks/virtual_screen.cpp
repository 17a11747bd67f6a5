#include "tests/gui/clicks/virtual_screen.h"

#include "geo/core/errors.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <string>
#include <utility>

namespace clicks {

namespace {

class Pipe {
public:
    Pipe() {
        if (pipe2(fds_, O_CLOEXEC) != 0) throw geo::Error("cannot make a pipe for Xvfb's display number");
    }
    ~Pipe() {
        for (int fd : fds_)
            if (fd >= 0) close(fd);
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    int read_end() const { return fds_[0]; }
    int write_end() const { return fds_[1]; }
    void close_write_end() { close(std::exchange(fds_[1], -1)); }

private:
    int fds_[2] = {-1, -1};
};

}  // namespace

VirtualScreen::VirtualScreen(int width, int height, const std::string& log_path, std::chrono::milliseconds timeout) {
    Pipe pipe;
    Launch launch;
    launch.argv = {XVFB_BINARY, "-displayfd", "3", "-screen", "0", std::to_string(width) + "x" + std::to_string(height) + "x24",
                   "-nolisten", "tcp", "-noreset"};
    launch.stderr_path = log_path;
    launch.fd_3 = pipe.write_end();
    server_ = std::make_unique<ChildProcess>(launch);
    pipe.close_write_end();  // else the read below never sees the end if Xvfb dies

    // Xvfb writes the display number and a newline once it accepts connections.
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string number;
    while (number.empty() || number.back() != '\n') {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        pollfd readable{pipe.read_end(), POLLIN, 0};
        if (left.count() <= 0 || poll(&readable, 1, static_cast<int>(left.count())) == 0)
            throw geo::Error("Xvfb did not name its display within " + std::to_string(timeout.count()) + " ms (see " + log_path + ")");
        char c = 0;
        const ssize_t got = read(pipe.read_end(), &c, 1);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) throw geo::Error("Xvfb ended before naming its display (see " + log_path + ")");
        number += c;
    }
    number.pop_back();
    display_ = ":" + number;
}

}  // namespace clicks
