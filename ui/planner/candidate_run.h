#pragma once
// The Candidates panel's model, without ImGui: a candidate search run on another thread with its
// progress and Cancel, its result as the panel's rows, the plan's percentile among the scored
// plans, and a candidate as the one edit that adopts it. The replay and the tests drive it as the
// panel does.
#include "geo/candidates/borough_search.h"
#include "geo/planner/assignment.h"
#include "geo/planner/edit.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace ui {

// What the panel's controls ask for: `wardmap candidates`' rules and search options.
struct CandidateRequest {
    std::string unit = "borough";  // or "ward": ReCom chains from the reference plan (geo/candidates/ward_search.h)
    geo::CandidateRules rules;
    geo::SearchOptions options;
};

enum class CandidateList { best, pareto };  // the ranked list, or the Pareto front

// One row of the panel's table.
struct CandidateRow {
    std::size_t rank = 0;  // by the ranking, among all scored plans
    bool pareto = false;
    double workload_ratio = 0, compactness = 0, reach_km = 0, retention_pct = 0;
    std::vector<std::string> differs;  // codes of the units that are not a reference unit as it was
};

std::vector<CandidateRow> candidate_rows(const geo::CandidateSearch& search, CandidateList list);
const std::vector<geo::Candidate>& candidate_list(const geo::CandidateSearch& search, CandidateList list);
// "5,313,515,783 valid groupings, a uniform sample of 20,000 scored", "6,449 valid groupings, all
// scored", or for ward candidates what the chains gave.
std::string search_summary(const geo::CandidateSearch& search);
// The plan's percentile on each score (score_columns() order) among the scored plans: the share
// that score no better, as `wardmap candidates` gives the reference plan's.
std::vector<double> percentiles_among_scored(const geo::CandidateSearch& search, const geo::PlanScores& plan);
// The edit that makes the candidate the plan being edited: one undo step.
geo::ReplacePlan adopt_edit(const geo::Candidate& candidate, const std::string& label);
// Each ward's unit code in the candidate ("" where it leaves the ward out): for the map's preview.
std::vector<std::string> candidate_ward_codes(const geo::Candidate& candidate);

class CandidateRun {
public:
    CandidateRun() = default;
    ~CandidateRun();  // cancels a search still running and waits for it
    CandidateRun(const CandidateRun&) = delete;
    CandidateRun& operator=(const CandidateRun&) = delete;

    // Starts a search (cancelling one still running first); the result replaces the last.
    void start(std::shared_ptr<const geo::PlanScorer> scorer, CandidateRequest request);
    void cancel();
    // Call once a frame: takes the search's end when it has come. True once for each end (also
    // one wait() took).
    bool poll();
    // Waits for the search to end (a replay's "candidates wait").
    void wait();

    bool running() const { return job_.valid(); }
    std::string stage() const;
    double fraction() const;
    const CandidateRequest& request() const { return request_; }
    const std::optional<geo::CandidateSearch>& result() const { return result_; }
    const std::string& error() const { return error_; }  // why the last search failed
    bool cancelled() const { return cancelled_; }
    double seconds() const { return seconds_; }            // the last search's time, start to end
    double cancel_ms() const { return cancel_ms_; }        // from Cancel to the search's end
    std::uint64_t serial() const { return serial_; }       // changes with every search started

    // The candidate shown on the map, if any.
    struct Pick {
        CandidateList list = CandidateList::best;
        std::size_t index = 0;
        bool operator==(const Pick&) const = default;
    };
    const geo::Candidate* candidate(Pick pick) const;
    std::optional<Pick> preview;
    std::uint64_t preview_serial = 0;  // changes when the preview does: the map's fills follow

    // The frame loop tells each frame's time: the slowest while a search ran says the window kept up.
    void note_frame(double ms);
    double slowest_frame_ms() const { return slowest_frame_ms_; }
    double mean_frame_ms() const { return frames_while_running_ ? frame_ms_ / static_cast<double>(frames_while_running_) : 0; }
    std::size_t frames_while_running() const { return frames_while_running_; }

private:
    struct Shared {
        std::mutex mutex;
        std::string stage;
        double fraction = 0;
        std::atomic<bool> cancel{false};
    };
    void finish();

    CandidateRequest request_;
    std::shared_ptr<Shared> shared_;
    std::future<geo::CandidateSearch> job_;
    std::optional<geo::CandidateSearch> result_;
    std::string error_;
    bool cancelled_ = false;
    bool ended_unseen_ = false;  // finish() ran, poll() has not yet said so
    double seconds_ = 0, cancel_ms_ = 0, slowest_frame_ms_ = 0, frame_ms_ = 0;
    std::size_t frames_while_running_ = 0;
    std::uint64_t serial_ = 0;
    std::chrono::steady_clock::time_point started_, cancel_asked_;
};

}  // namespace ui
