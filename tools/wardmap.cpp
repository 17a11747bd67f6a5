// wardmap: ward boundaries into command units. Errors are caught here, once, and each kind
// leaves with its own exit code (cli/exit_codes.h).
#include "cli/exit_codes.h"
#include "cli/gdal_arguments.h"
#include "cli/progress_bar.h"
#include "cli/subcommands.h"
#include "cli/summary.h"

#include "geo/core/cancel.h"
#include "geo/core/errors.h"
#include "geo/core/version.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#ifdef WARDMAP_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

#ifdef WARDMAP_MIMALLOC
// Fresh memory costs more than the work done in it: a national load touches ~200 MB, and on a
// virtual machine each 4 KiB page fault costs ~11 us (0.5 s of CPU for the E&W LSOAs, 60 ms of a
// London dissolve). mimalloc (linked in place of malloc, see tools/CMakeLists.txt) takes memory in
// 2 MiB transparent huge pages when told to; it must be told before its first segment is taken,
// which happens while the shared libraries initialise, before main(). An executable's
// .preinit_array runs before every initialiser, with relocation done.
void use_huge_pages() {
    mi_option_enable(mi_option_large_os_pages);
    mi_option_set(mi_option_eager_commit_delay, 0);  // the first segment too
}
[[gnu::section(".preinit_array"), gnu::used]] void (*const huge_pages_first)() = use_huge_pages;
#endif

// With --json a script reads stdout: a failure is an object there too, besides the message on
// stderr. "file" and "where" name the input at fault when the error knows it.
bool json_asked(const cli::CommonOptions& common, int argc, char** argv) {
    if (common.json) return true;  // parsed; else the parse failed before it got there
    for (int i = 1; i < argc; ++i)
        if (std::string(argv[i]) == "--") break;
        else if (std::string(argv[i]) == "--json") return true;
    return false;
}

const char* kind_of(int code) {
    switch (code) {
        case exit_code::usage: return "usage";
        case exit_code::bad_input: return "bad_input";
        case exit_code::validation_failed: return "validation_failed";
        case exit_code::output_failed: return "output_failed";
        case exit_code::cancelled: return "cancelled";
        default: return "internal";
    }
}

void print_json_error(const std::string& message, int code, const geo::InputError* input) {
    nlohmann::json error{{"exit_code", code}, {"kind", kind_of(code)}, {"message", message},
                         {"file", input && !input->file().empty() ? nlohmann::json(input->file()) : nlohmann::json()},
                         {"where", input && !input->where().empty() ? nlohmann::json(input->where()) : nlohmann::json()}};
    cli::print_json({{"error", error}});
}

struct Failure {
    const cli::CommonOptions& common;
    int argc;
    char** argv;

    int operator()(const std::exception& error, int code) const {
        std::fprintf(stderr, "wardmap: %s\n", error.what());
        if (json_asked(common, argc, argv)) print_json_error(error.what(), code, dynamic_cast<const geo::InputError*>(&error));
        return code;
    }
};

// CLI11's own wording, prefixed like every other error, and an unknown command named as such.
int usage_error(const CLI::App& app, const CLI::ParseError& error, int argc, char** argv, const cli::CommonOptions& common) {
    std::string commands;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) {
        commands += (commands.empty() ? "" : ", ") + sub->get_name();
        known = known || (argc > 1 && sub->get_name() == argv[1]);
    }
    if (argc > 1 && argv[1][0] != '-' && !known)
        std::fprintf(stderr, "wardmap: unknown command '%s'\n  Commands: %s. `wardmap --help` says more.\n", argv[1],
                     commands.c_str());
    else
        std::fprintf(stderr, "wardmap: %s\n  `wardmap%s%s --help` lists the options.\n", error.what(),
                     argc > 1 && argv[1][0] != '-' ? " " : "", argc > 1 && argv[1][0] != '-' ? argv[1] : "");
    if (json_asked(common, argc, argv)) print_json_error(error.what(), exit_code::usage, nullptr);
    return exit_code::usage;
}

int run(int argc, char** argv) {
    cli::install_interrupt_handler();  // first: until then Ctrl-C kills without a word
    CLI::App app{"wardmap: ward boundaries into command units", "wardmap"};
    app.set_version_flag("--version", geo::tool_version);
    app.require_subcommand(1);
    cli::CommonOptions common;
    cli::add_common_flags(app, common);
    int result = exit_code::ok;
    cli::add_info(app, common, result);
    cli::add_dissolve(app, common, result);
    cli::add_export(app, common, result);
    cli::add_validate(app, common, result);
    cli::add_allocate(app, common, result);
    cli::add_rollout(app, common, result);
    cli::add_render(app, common, result);
    cli::add_score(app, common, result);
    cli::add_candidates(app, common, result);
    cli::add_ensemble(app, common, result);
    cli::add_diff(app, common, result);
    cli::add_migrate(app, common, result);
    cli::add_plan(app, common, result);
    cli::add_view(app, common, result);
    for (CLI::App* sub : app.get_subcommands({})) {
        cli::add_common_flags(*sub, common);
        for (CLI::App* nested : sub->get_subcommands({})) cli::add_common_flags(*nested, common);  // wardmap plan save
    }
    // --config applies before any subcommand runs, wherever on the line it was given.
    app.parse_complete_callback([&common] { cli::apply_gdal_config(common.config); });
    const Failure fail{common, argc, argv};
    try {
        app.parse(cli::gdal_style_arguments(argc, argv));
        // Ctrl-C during work that never looked (a validity proof, a last GEOS union) and finished
        // within the watchdog's grace: interrupted all the same, unless its output was already in place.
        if (cli::interrupted() && !geo::output_committed()) throw geo::Cancelled();
        return result;
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForVersion& version) {
        return app.exit(version);
    } catch (const CLI::ParseError& error) {
        return usage_error(app, error, argc, argv, common);
    } catch (const geo::Cancelled& error) {
        return fail(error, exit_code::cancelled);
    } catch (const geo::InputError& error) {
        return fail(error, exit_code::bad_input);
    } catch (const geo::OutputError& error) {
        return fail(error, exit_code::output_failed);
    } catch (const geo::GeometryError& error) {
        return fail(error, exit_code::bad_input);
    } catch (const std::exception& error) {
        return fail(error, exit_code::internal);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int code = run(argc, argv);
#ifdef WARDMAP_QUICK_EXIT
    // Every output is closed and renamed into place by now, so what exit() would still do (GDAL's
    // and PROJ's teardown, closing PROJ's database, the static destructors) changes nothing on
    // disk; it is a few milliseconds of a London run. Sanitizer builds exit normally, so that
    // LeakSanitizer still looks.
    std::cout.flush();
    std::fflush(nullptr);
    std::_Exit(code);
#endif
    return code;
}
