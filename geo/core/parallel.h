#pragma once
// Work that splits into independent items (one file, one command unit) runs on every core.
// Each worker thread gets its own GEOS context through geos::thread_context().
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace geo {

inline unsigned worker_count(std::size_t items) {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(std::min<std::size_t>(cores, std::max<std::size_t>(items, 1)));
}

// Calls body(i) for every i in [0, n), items taken in order by whichever worker is free.
// The first exception stops the remaining items and is rethrown on the calling thread.
template <typename Body>
void parallel_for(std::size_t n, Body&& body) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::exception_ptr first_error;
    std::mutex error_mutex;
    auto work = [&] {
        for (std::size_t i; !failed && (i = next++) < n;) {
            try {
                body(i);
            } catch (...) {
                std::lock_guard lock(error_mutex);
                if (!first_error) first_error = std::current_exception();
                failed = true;
            }
        }
    };
    const unsigned helpers = worker_count(n) - 1;
    std::vector<std::jthread> threads;
    threads.reserve(helpers);
    for (unsigned t = 0; t < helpers; ++t) threads.emplace_back(work);
    work();
    threads.clear();  // joins
    if (first_error) std::rethrow_exception(first_error);
}

}  // namespace geo
