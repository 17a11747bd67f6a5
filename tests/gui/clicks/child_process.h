#pragma once
// A program the test started and owns (the planner, the X server): ended and reaped whatever way
// the test leaves, so that no window or server outlives a failed assertion.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace clicks {

struct Launch {
    std::vector<std::string> argv;         // argv[0] is the program's path
    std::vector<std::string> environment;  // "NAME=value" over the test's own
    std::string stdout_path = "/dev/null", stderr_path = "/dev/null";
    int fd_3 = -1;                         // if set, given to the program as its fd 3 (Xvfb -displayfd 3)
    std::chrono::milliseconds grace{3000};  // after SIGTERM, before SIGKILL
};

class ChildProcess {
public:
    explicit ChildProcess(const Launch& launch);  // throws geo::Error when it cannot start
    ~ChildProcess();                               // SIGTERM, `grace`, then SIGKILL
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ChildProcess(ChildProcess&&) = delete;
    ChildProcess& operator=(ChildProcess&&) = delete;

    pid_t pid() const noexcept { return pid_; }
    // Its exit status once it has ended (128 + signal if a signal ended it); nullopt while it runs.
    std::optional<int> ended();
    std::optional<int> wait_for_end(std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    std::optional<int> status_;
    std::chrono::milliseconds grace_;
};

}  // namespace clicks
