#include "geo/candidates/ward_chain.h"

#include "geo/candidates/ward_chain_graph.h"
#include "geo/candidates/ward_chain_walk.h"
#include "geo/core/parallel.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>

namespace geo {

WardChainCounts WardChainResult::total() const {
    WardChainCounts sum;
    for (const WardChainCounts& c : chains) {
        sum.accepted += c.accepted;
        sum.rejected += c.rejected;
        sum.trees += c.trees;
    }
    return sum;
}

namespace {

// What every chain of one run reads, and the little they share while running.
struct Run {
    Run(const WardChainInput& input, const ChainGraph& graph, const WardChainOptions& options, const WardChainVisitor& visit,
        const Progress& progress)
        : input(input), graph(graph), options(options), visit(visit), progress(progress) {}
    const WardChainInput& input;
    const ChainGraph& graph;
    const WardChainOptions& options;
    const WardChainVisitor& visit;
    const Progress& progress;
    std::size_t all_steps = 0;
    std::atomic<bool> stop{false};
    std::atomic<std::size_t> done{0};
    std::mutex progress_mutex;
};

void report_steps(Run& run, std::size_t steps) {
    run.done += steps;
    if (!run.progress) return;
    // Read under the lock, so that the caller sees the fraction rise from call to call.
    std::lock_guard lock(run.progress_mutex);
    run.progress("ReCom", static_cast<double>(run.done.load()) / static_cast<double>(run.all_steps));
}

ChainProblem stuck_problem(const Run& run, const ReComWalk& walk) {
    const WardChainInput& input = run.input;
    std::string limits;
    for (const BalanceMeasure& m : input.balance)
        limits += fmt::format("{}±{:.1f} % {}", limits.empty() ? "" : ", ", 100 * m.tolerance, m.name);
    auto name = [&](std::int32_t unit) { return unit_label(input, static_cast<std::size_t>(unit)); };
    std::string closest = walk.closest_a() < 0 ? std::string()
                                               : fmt::format(": the closest split found, of {} and {}, left a side {:.1f} % "
                                                             "off the mean", name(walk.closest_a()), name(walk.closest_b()),
                                                             100 * walk.closest_deviation());
    return {ChainProblemKind::stuck, walk.closest_a(), input.balance.empty() ? "" : input.balance.front().name,
            walk.closest_deviation(), input.balance.empty() ? 0 : input.balance.front().tolerance,
            fmt::format("none of the first {} steps ({} spanning trees) could re-split two neighbouring command units "
                        "within {}{}. The start plan meets the rules, so a step can succeed, but too rarely: loosen "
                        "the tolerance or draw more trees per step",
                        run.options.stuck_after, walk.trees(), limits, closest)};
}

void run_chain(Run& run, std::size_t chain, WardChainCounts& counts, std::vector<int>& last) {
    const WardChainOptions& options = run.options;
    ReComWalk walk(run.graph, options.seed, chain);
    std::vector<int> plan(run.input.start.size());
    const std::size_t thin = std::max<std::size_t>(options.thin, 1);
    const std::size_t tries = std::max<std::size_t>(options.tree_tries, 1);
    constexpr std::size_t report_every = 1024;
    for (std::size_t step = 1; step <= options.steps; ++step) {
        if (step % 64 == 0 && run.stop) return;
        ++(walk.step(tries) ? counts.accepted : counts.rejected);
        counts.trees = walk.trees();
        if (step == options.stuck_after && counts.accepted == 0) throw ChainInfeasible({stuck_problem(run, walk)});
        if (run.visit && step % thin == 0) {
            expand_plan(run.graph, run.input.start, walk.unit_of_node(), plan);
            run.visit(WardChainSample{chain, step, plan});
        }
        if (step % report_every == 0) report_steps(run, report_every);
    }
    report_steps(run, options.steps % report_every);
    expand_plan(run.graph, run.input.start, walk.unit_of_node(), last);
}

}  // namespace

WardChainResult run_ward_chain(const WardChainInput& input, const WardChainOptions& options, const WardChainVisitor& visit,
                               const Progress& progress) {
    if (std::vector<ChainProblem> problems = ward_chain_problems(input); !problems.empty())
        throw ChainInfeasible(std::move(problems));
    const ChainGraph graph = contract_wards(input);
    const std::size_t chains = options.chains ? options.chains : std::max(1u, std::thread::hardware_concurrency());
    Run run(input, graph, options, visit, progress);
    run.all_steps = std::max<std::size_t>(chains * options.steps, 1);
    WardChainResult result;
    result.chains.resize(chains);
    result.last.resize(chains);
    // Each chain keeps its own error: a chain that is stuck does not stop the others (they may be
    // stuck a little later, and which one is reported must not depend on timing), anything else
    // (a visitor's Cancelled) stops them all.
    std::vector<std::exception_ptr> errors(chains);
    parallel_for(chains, [&](std::size_t chain) {
        try {
            run_chain(run, chain, result.chains[chain], result.last[chain]);
        } catch (const ChainInfeasible&) {
            errors[chain] = std::current_exception();
        } catch (...) {
            errors[chain] = std::current_exception();
            run.stop = true;
        }
    });
    for (const std::exception_ptr& error : errors)
        if (error) std::rethrow_exception(error);
    return result;
}

}  // namespace geo
