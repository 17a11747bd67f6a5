#include "tests/gui/clicks/child_process.h"

#include "geo/core/errors.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <thread>

extern char** environ;

namespace clicks {

namespace {

// The test's environment with `overrides` put over it (same NAME replaced).
std::vector<std::string> merged_environment(const std::vector<std::string>& overrides) {
    std::vector<std::string> merged;
    auto name_of = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        bool replaced = false;
        for (const std::string& o : overrides) replaced = replaced || name_of(o) == name_of(entry);
        if (!replaced) merged.push_back(entry);
    }
    merged.insert(merged.end(), overrides.begin(), overrides.end());
    return merged;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (std::string& s : strings) pointers.push_back(s.data());
    pointers.push_back(nullptr);
    return pointers;
}

class SpawnActions {
public:
    SpawnActions() { posix_spawn_file_actions_init(&actions_); }
    ~SpawnActions() { posix_spawn_file_actions_destroy(&actions_); }
    SpawnActions(const SpawnActions&) = delete;
    SpawnActions& operator=(const SpawnActions&) = delete;
    posix_spawn_file_actions_t* get() { return &actions_; }

private:
    posix_spawn_file_actions_t actions_;
};

}  // namespace

ChildProcess::ChildProcess(const Launch& launch) : grace_(launch.grace) {
    SpawnActions actions;
    posix_spawn_file_actions_addopen(actions.get(), STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(actions.get(), STDOUT_FILENO, launch.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(actions.get(), STDERR_FILENO, launch.stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (launch.fd_3 >= 0) posix_spawn_file_actions_adddup2(actions.get(), launch.fd_3, 3);
    std::vector<std::string> argv = launch.argv;
    std::vector<std::string> environment = merged_environment(launch.environment);
    const int error = posix_spawn(&pid_, argv.at(0).c_str(), actions.get(), nullptr, c_strings(argv).data(),
                                  c_strings(environment).data());
    if (error != 0) throw geo::Error("cannot start " + argv[0] + ": " + std::strerror(error));
}

ChildProcess::~ChildProcess() {
    if (ended()) return;
    kill(pid_, SIGTERM);
    if (wait_for_end(grace_)) return;
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
}

std::optional<int> ChildProcess::ended() {
    if (status_) return status_;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return std::nullopt;
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return status_;
}

std::optional<int> ChildProcess::wait_for_end(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!ended() && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return ended();
}

}  // namespace clicks
