#pragma once
// File > Open from store and Save to store (ui/planner/store_work.h does the work): the store's
// plans and their versions to pick from, the name, author and status to save under, what is
// being done while the server works, and the question when someone else saved first.
#include "ui/planner/planner.h"

#include <string>
#include <vector>

namespace ui {

struct StoreDialogState {
    enum class Kind { none, open, save } kind = Kind::none;
    bool asked_listing = false;  // the Open dialog asked for the store's plans once
    std::string plan;            // picked in the Open dialog
    int version = 0;             // 0: its current version
    char name[128] = "", author[64] = "";
    int status = 0;  // index into the statuses offered
};

// Opens a dialog: its fields filled from the document.
void ask_open_from_store(StoreDialogState& state);
void ask_save_to_store(StoreDialogState& state, const Planner& planner);

// Each draws its modal when it is wanted and returns whether it did (dialogs go one at a time).
bool store_open_dialog(StoreDialogState& state, const StoreState& store, std::vector<Command>& out);
bool store_save_dialog(StoreDialogState& state, const Planner& planner, std::vector<Command>& out);
// "Working: saving ... to the store", while the worker runs (and the frame it ends, to close).
bool store_working_dialog(const StoreState& store);
// "Ann saved v4 first; yours is kept as v5 beside it": Merge / Keep both.
bool store_overtaken_dialog(const StoreState& store, std::vector<Command>& out);

}  // namespace ui
