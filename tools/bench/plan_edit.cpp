// plan_edit: what one planner edit costs in the plan model (geo/planner), without a window.
// Loads a ward set and a plan, then moves single wards into the command unit of a touching ward
// and undoes each move, timing PlanSession::apply and ::undo (dissolve of the two units touched,
// statistics, findings). The window's own cost (outlines to the GPU, a frame) is on top.
//
//   wardmap_plan_edit [--moves N] [--by FIELD | --plan PLAN] [--stem-field F --parent-field F] SOURCE...
#include "geo/planner/plan_file.h"
#include "geo/planner/session.h"
#include "geo/source/load.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <memory>
#include <random>

namespace {

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    return values[static_cast<std::size_t>(p * (values.size() - 1))];
}

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"Times single-ward edits in the plan model"};
    geo::LoadOptions load;
    std::string plan, by, parent_field;
    int moves = 200;
    app.add_option("sources", load.sources)->required();
    app.add_option("--plan", plan);
    app.add_option("--by", by);
    app.add_option("--stem-field", load.stem_field);
    app.add_option("--parent-field", parent_field);
    app.add_option("--moves", moves);
    CLI11_PARSE(app, argc, argv);
    if (!parent_field.empty()) load.fields.parent = parent_field;

    try {
        auto start = std::chrono::steady_clock::now();
        const geo::WardSet wards = geo::load_units(load);
        std::printf("loaded %zu wards in %.0f ms\n", wards.units.size(), since(start));
        geo::Assignment assignment;
        if (!by.empty()) {
            const geo::Grouping groups = geo::group_by_field(wards, by);
            for (const geo::GroupInfo& g : groups.groups) assignment.units.push_back({g.code, g.name, g.colour, g.phase, false});
            assignment.unit_of = groups.group_of_unit;
        } else {
            assignment = geo::open_plan(wards, plan);
        }
        start = std::chrono::steady_clock::now();
        geo::PlanSession session(wards, assignment);
        std::printf("session: %zu command units, first dissolve %.0f ms\n", session.assignment().units.size(), since(start));

        // A random ward and a touching ward in another command unit, found through an STRtree.
        const GEOSContextHandle_t h = geo::geos::handle();
        std::unique_ptr<GEOSSTRtree, void (*)(GEOSSTRtree*)> tree(GEOSSTRtree_create_r(h, 10),
                                                                  [](GEOSSTRtree* t) { GEOSSTRtree_destroy_r(geo::geos::handle(), t); });
        std::vector<std::size_t> ids(wards.units.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            ids[i] = i;
            GEOSSTRtree_insert_r(h, tree.get(), wards.units[i].shape.get(), &ids[i]);
        }
        std::mt19937 random(42);
        std::uniform_int_distribution<std::size_t> any(0, wards.units.size() - 1);
        std::vector<double> apply_ms, undo_ms;
        for (int tries = 0; static_cast<int>(apply_ms.size()) < moves && tries < moves * 100; ++tries) {
            const std::size_t a = any(random);
            const int ua = session.assignment().unit_of[a];
            if (ua < 0) continue;
            struct Query {
                const geo::PlanSession& session;
                const geo::WardSet& wards;
                std::size_t a;
                int ua;
                std::ptrdiff_t found = -1;
            } query{session, wards, a, ua};
            GEOSSTRtree_query_r(h, tree.get(), wards.units[a].shape.get(), [](void* item, void* data) {
                auto& q = *static_cast<Query*>(data);
                const std::size_t b = *static_cast<std::size_t*>(item);
                const int ub = q.session.assignment().unit_of[b];
                if (q.found < 0 && ub >= 0 && ub != q.ua &&
                    GEOSIntersects_r(geo::geos::handle(), q.wards.units[q.a].shape.get(), q.wards.units[b].shape.get()) == 1)
                    q.found = static_cast<std::ptrdiff_t>(b);
            }, &query);
            if (query.found < 0) continue;
            const std::string to = session.assignment().units[session.assignment().unit_of[query.found]].code;
            start = std::chrono::steady_clock::now();
            const geo::EditOutcome moved = session.apply(geo::MoveWards{{a}, to});
            apply_ms.push_back(since(start));
            if (!moved.applied) {
                std::fprintf(stderr, "refused: %s\n", moved.refused.c_str());
                return 1;
            }
            start = std::chrono::steady_clock::now();
            session.undo();
            undo_ms.push_back(since(start));
        }
        std::printf("%zu single-ward moves: apply median %.2f ms, p95 %.2f ms, max %.2f ms; undo median %.2f ms, p95 %.2f ms\n",
                    apply_ms.size(), percentile(apply_ms, 0.5), percentile(apply_ms, 0.95), percentile(apply_ms, 1.0),
                    percentile(undo_ms, 0.5), percentile(undo_ms, 0.95));
    } catch (const std::exception& error) {
        std::fprintf(stderr, "plan_edit: %s\n", error.what());
        return 1;
    }
}
