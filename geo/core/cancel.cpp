#include "geo/core/cancel.h"

#include "geo/core/errors.h"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <memory>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace geo {
namespace {

std::atomic<bool> requested{false};
std::atomic<bool> forced_exit{true};
std::atomic<bool> committed{false};
int wake_fd = -1;  // the write end of the watchdog's pipe; set before the handlers are installed

extern "C" void on_interrupt(int) {
    const int saved = errno;  // only async-signal-safe calls here
    requested.store(true);
    if (wake_fd >= 0) {
        const char byte = 1;
        [[maybe_unused]] const ssize_t written = ::write(wake_fd, &byte, 1);
    }
    errno = saved;
}

struct Registry {
    std::mutex mutex;
    std::vector<std::filesystem::path> folders;
};

// Never destroyed: the watchdog may still look at it while the process runs its exit handlers.
Registry& registry() {
    alignas(Registry) static unsigned char storage[sizeof(Registry)];
    static Registry* const made = std::construct_at(reinterpret_cast<Registry*>(storage));
    return *made;
}

void say(const char* text) {
    std::size_t left = std::char_traits<char>::length(text);
    while (left > 0) {
        const ssize_t n = ::write(STDERR_FILENO, text, left);
        if (n <= 0) return;
        text += n, left -= static_cast<std::size_t>(n);
    }
}

[[noreturn]] void watch(int read_fd, int exit_code, std::chrono::milliseconds grace) {
    for (;;) {
        char byte;
        if (::read(read_fd, &byte, 1) != 1 || !forced_exit.load()) continue;
        std::this_thread::sleep_for(grace);  // the work usually stops by itself well within this
        if (forced_exit.load()) break;
    }
    Registry& outputs = registry();
    outputs.mutex.lock();  // kept: nothing may start moving an output into place from now on
    for (const auto& folder : outputs.folders) {
        // A worker still writing may add a file between the listing and the rmdir: try again.
        std::error_code ignored;
        for (int attempt = 0; attempt < 5 && std::filesystem::exists(folder, ignored); ++attempt)
            std::filesystem::remove_all(folder, ignored);
    }
    say("wardmap: cancelled\n");
    ::_exit(exit_code);
}

}  // namespace

void stop_on_interrupt(int exit_code, std::chrono::milliseconds grace) {
    static std::once_flag once;
    std::call_once(once, [&] {
        int pipe_fds[2];
        if (::pipe2(pipe_fds, O_CLOEXEC) == 0) {
            wake_fd = pipe_fds[1];
            // Detached: it blocks in read() for the whole run and must not hold up a normal exit.
            std::thread(watch, pipe_fds[0], exit_code, grace).detach();
        }
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        sigaction(SIGINT, &action, nullptr);
        sigaction(SIGTERM, &action, nullptr);
    });
}

void keep_running_on_interrupt() { forced_exit.store(false); }

bool interrupt_requested() noexcept { return requested.load(); }

void throw_if_interrupted() {
    if (requested.load()) throw Cancelled();
}

void register_partial_output(const std::filesystem::path& folder) {
    Registry& outputs = registry();
    std::lock_guard lock(outputs.mutex);
    outputs.folders.push_back(folder);
}

void unregister_partial_output(const std::filesystem::path& folder) {
    Registry& outputs = registry();
    std::lock_guard lock(outputs.mutex);
    std::erase(outputs.folders, folder);
}

std::unique_lock<std::mutex> hold_partial_outputs() { return std::unique_lock(registry().mutex); }

void allow_commit() {
    if (requested.load() && forced_exit.load()) throw Cancelled();
    committed.store(true);
}

bool output_committed() noexcept { return committed.load(); }

}  // namespace geo
