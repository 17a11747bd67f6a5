#include "ui/planner/candidate_run.h"

#include "geo/candidates/candidate_outputs.h"
#include "geo/candidates/candidate_ranking.h"
#include "geo/candidates/search.h"
#include "geo/core/errors.h"
#include "geo/core/wording.h"

#include <fmt/format.h>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <utility>

namespace ui {

namespace {

double ms_between(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

const std::vector<geo::Candidate>& candidate_list(const geo::CandidateSearch& search, CandidateList list) {
    return list == CandidateList::best ? search.best : search.pareto;
}

std::vector<CandidateRow> candidate_rows(const geo::CandidateSearch& search, CandidateList list) {
    std::vector<CandidateRow> rows;
    for (const geo::Candidate& c : candidate_list(search, list)) {
        CandidateRow row;
        row.rank = c.rank;
        row.pareto = c.pareto;
        row.workload_ratio = c.scores.workload_ratio;
        row.compactness = c.scores.polsby_popper_mean;
        row.reach_km = c.scores.reach_mean_km;
        row.retention_pct = 100 * c.scores.retained_population;
        if (search.reference) row.differs = geo::units_that_differ(c, *search.reference);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string search_summary(const geo::CandidateSearch& search) {
    const std::string valid = geo::with_commas(search.valid) + (search.valid == 1 ? " valid grouping" : " valid groupings");
    if (search.chain)
        return geo::with_commas(search.valid) + " sampled plans meet the rules (" + geo::with_commas(search.distinct) +
               " different), from ReCom chains of " + geo::with_commas(search.chain_steps) + " steps";
    if (search.valid == 0) return "No valid grouping";
    if (search.exhaustive) return valid + (search.valid == 1 ? ", scored" : ", all scored");
    return valid + ", a uniform sample of " + geo::with_commas(search.scored) + " scored";
}

std::vector<double> percentiles_among_scored(const geo::CandidateSearch& search, const geo::PlanScores& plan) {
    std::vector<double> percentiles;
    const auto& columns = geo::score_columns();
    if (search.score_values.size() != columns.size()) return percentiles;
    for (std::size_t c = 0; c < columns.size(); ++c)
        percentiles.push_back(geo::percentile_among(search.score_values[c], columns[c].of(plan), columns[c].lower_is_better));
    return percentiles;
}

geo::ReplacePlan adopt_edit(const geo::Candidate& candidate, const std::string& label) {
    geo::Assignment assignment = geo::candidate_assignment(candidate);
    return {std::move(assignment.units), std::move(assignment.unit_of), label};
}

std::vector<std::string> candidate_ward_codes(const geo::Candidate& candidate) {
    std::vector<std::string> codes;
    codes.reserve(candidate.unit_of_ward.size());
    for (int u : candidate.unit_of_ward) codes.push_back(u >= 0 ? candidate.units[static_cast<std::size_t>(u)].code : "");
    return codes;
}

CandidateRun::~CandidateRun() {
    cancel();
    if (job_.valid()) job_.wait();  // the search reads the scorer and the request it was given
}

void CandidateRun::start(std::shared_ptr<const geo::PlanScorer> scorer, CandidateRequest request) {
    if (running()) {
        cancel();
        wait();
    }
    request_ = request;
    result_.reset();
    preview.reset();
    ++preview_serial;
    error_.clear();
    cancelled_ = ended_unseen_ = false;
    seconds_ = cancel_ms_ = slowest_frame_ms_ = frame_ms_ = 0;
    frames_while_running_ = 0;
    ++serial_;
    started_ = std::chrono::steady_clock::now();
    shared_ = std::make_shared<Shared>();
    shared_->stage = "Starting";
    job_ = std::async(std::launch::async, [scorer = std::move(scorer), request = std::move(request), shared = shared_] {
        // Below the window's thread (its workers inherit this): on a machine of two cores the
        // frames keep their time while the search takes the rest.
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 10);
        return geo::search_candidates(*scorer, request.unit, request.rules, request.options, [shared](std::string_view stage, double fraction) {
            if (shared->cancel.load()) throw geo::Cancelled();
            std::lock_guard lock(shared->mutex);
            if (shared->stage != stage) shared->stage = stage;
            shared->fraction = fraction;
        });
    });
}

void CandidateRun::cancel() {
    if (!running() || shared_->cancel.exchange(true)) return;
    cancel_asked_ = std::chrono::steady_clock::now();
}

bool CandidateRun::poll() {
    if (running() && job_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) finish();
    return std::exchange(ended_unseen_, false);
}

void CandidateRun::wait() {
    if (!running()) return;
    job_.wait();
    finish();
}

void CandidateRun::finish() {
    const auto now = std::chrono::steady_clock::now();
    ended_unseen_ = true;
    seconds_ = ms_between(started_, now) / 1000;
    if (shared_->cancel.load()) cancel_ms_ = ms_between(cancel_asked_, now);
    try {
        result_ = job_.get();
    } catch (const geo::Cancelled&) {
        cancelled_ = true;
    } catch (const geo::Error& e) {
        error_ = e.what();
    } catch (const std::exception& e) {  // a bug, not a crash: said in the panel
        error_ = std::string("Unexpected error: ") + e.what();
    }
}

std::string CandidateRun::stage() const {
    if (!shared_) return "";
    std::lock_guard lock(shared_->mutex);
    return shared_->stage;
}

double CandidateRun::fraction() const {
    if (!shared_) return 0;
    std::lock_guard lock(shared_->mutex);
    return shared_->fraction;
}

const geo::Candidate* CandidateRun::candidate(Pick pick) const {
    if (!result_) return nullptr;
    const std::vector<geo::Candidate>& list = candidate_list(*result_, pick.list);
    return pick.index < list.size() ? &list[pick.index] : nullptr;
}

void CandidateRun::note_frame(double ms) {
    if (!running()) return;
    ++frames_while_running_;
    frame_ms_ += ms;
    slowest_frame_ms_ = std::max(slowest_frame_ms_, ms);
}

}  // namespace ui
