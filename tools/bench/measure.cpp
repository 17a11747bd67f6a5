// measure: run one command and report its wall time and peak memory, for tools/bench.
//
//   measure [--verbose] -- CMD ARGS...
//
// Forks, execs CMD (found on PATH), waits for it with wait4() and prints one line on stdout:
//
//   wall_s=<seconds, 3 decimals> maxrss_kb=<peak resident set size of CMD, KiB> exit=<code>
//
// exit is CMD's exit status, or 128+N when it was killed by signal N, or 127 when it could not be
// started. CMD's stdout and stderr go to /dev/null unless --verbose (then they pass through, and
// the measure line comes after them). measure itself exits with the same code as CMD, like time(1);
// 2 on bad usage. Only libc: no dependencies, so it builds anywhere the bench runs.
//
// maxrss_kb is ru_maxrss of the waited child alone: a CMD that spawns helpers does not count
// theirs (neither wardmap nor ogr2ogr does).
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

int usage() {
    std::fprintf(stderr, "usage: measure [--verbose] -- CMD ARGS...\n"
                         "prints: wall_s=<float> maxrss_kb=<int> exit=<int>\n");
    return 2;
}

double seconds_since(const timespec& start) {
    timespec now{};
    clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<double>(now.tv_sec - start.tv_sec) + static_cast<double>(now.tv_nsec - start.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    bool verbose = false;
    int first = 1;
    for (; first < argc; ++first) {
        if (std::strcmp(argv[first], "--verbose") == 0 || std::strcmp(argv[first], "-v") == 0) {
            verbose = true;
        } else if (std::strcmp(argv[first], "--") == 0) {
            ++first;
            break;
        } else if (std::strcmp(argv[first], "-h") == 0 || std::strcmp(argv[first], "--help") == 0) {
            usage();
            return 0;
        } else {
            return usage();
        }
    }
    if (first >= argc) return usage();

    // Like system(): while the command runs, Ctrl-C and Ctrl-\ are its business, not ours, so we
    // still report how it ended.
    struct sigaction ignore{}, old_int{}, old_quit{};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    std::fflush(nullptr);
    timespec start{};
    clock_gettime(CLOCK_MONOTONIC, &start);
    const pid_t child = fork();
    if (child < 0) {
        std::fprintf(stderr, "measure: fork failed: %s\n", std::strerror(errno));
        return 1;
    }
    if (child == 0) {
        sigaction(SIGINT, &old_int, nullptr);
        sigaction(SIGQUIT, &old_quit, nullptr);
        if (!verbose) {
            const int null = open("/dev/null", O_WRONLY);
            if (null >= 0) {
                dup2(null, STDOUT_FILENO);
                dup2(null, STDERR_FILENO);
                if (null > STDERR_FILENO) close(null);
            }
        }
        execvp(argv[first], argv + first);
        const int error = errno;
        // stderr may be /dev/null by now: say it on the terminal we were given, if any.
        const int tty = open("/dev/tty", O_WRONLY | O_NOCTTY);
        if (tty >= 0) {
            dprintf(tty, "measure: cannot run %s: %s\n", argv[first], std::strerror(error));
            close(tty);
        } else if (verbose) {
            std::fprintf(stderr, "measure: cannot run %s: %s\n", argv[first], std::strerror(error));
        }
        _exit(127);
    }

    int status = 0;
    rusage usage_of_child{};
    pid_t waited;
    do {
        waited = wait4(child, &status, 0, &usage_of_child);
    } while (waited < 0 && errno == EINTR);
    const double wall = seconds_since(start);
    sigaction(SIGINT, &old_int, nullptr);
    sigaction(SIGQUIT, &old_quit, nullptr);
    if (waited < 0) {
        std::fprintf(stderr, "measure: wait4 failed: %s\n", std::strerror(errno));
        return 1;
    }
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 1;
    std::printf("wall_s=%.3f maxrss_kb=%ld exit=%d\n", wall, usage_of_child.ru_maxrss, code);
    std::fflush(stdout);
    return code;
}
