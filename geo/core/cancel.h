#pragma once
// Ctrl-C (SIGINT) and SIGTERM for a command-line run: the signal is a request that long work sees
// at its next check and answers with geo::Cancelled, so that owners remove their partial output on
// the way out. Work that cannot look (inside GEOS, Cairo, GDAL) is not waited for: a watchdog
// thread removes every partial output still registered and ends the process, a short grace after
// the signal. An output being moved into place holds the registry, so the watchdog never removes
// half of a committed output.
#include <chrono>
#include <filesystem>
#include <mutex>

namespace geo {

// Installs the handlers and starts the watchdog: `exit_code` is what the process ends with when
// the work has not stopped `grace` after the signal. Once per process; later calls do nothing.
void stop_on_interrupt(int exit_code, std::chrono::milliseconds grace);

// A window with its own close handling keeps the request but is never ended by the watchdog.
void keep_running_on_interrupt();

bool interrupt_requested() noexcept;
// Throws geo::Cancelled once an interrupt has been requested.
void throw_if_interrupted();

// A hidden folder of output being written, removed by the watchdog if it ends the process.
void register_partial_output(const std::filesystem::path& folder);
void unregister_partial_output(const std::filesystem::path& folder);
// Held while an output is moved into place: the watchdog waits for it, and then finds the folder
// either still registered (nothing moved yet) or gone (all moved).
std::unique_lock<std::mutex> hold_partial_outputs();
// Called holding it, just before the move: throws geo::Cancelled once an interrupt has been
// requested (a command that never looks would otherwise finish within the grace and keep its
// output), unless the process keeps running on interrupts; otherwise notes that an output went in.
void allow_commit();
// Whether an output went into place before any interrupt: the command then did all it was asked.
bool output_committed() noexcept;

}  // namespace geo
