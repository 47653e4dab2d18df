#pragma once
// Loading: plan file (YAML, SPEC §3) and forecast CSV -> plain model, with every
// problem reported as a Diagnostic carrying file, line and column.
#include <string>
#include <vector>

#include "model/errors.hpp"
#include "model/plan.hpp"
#include "model/staffing.hpp"

namespace staffplan::load {

// Reads and validates a plan file. Throws InputError carrying every error found
// (not just the first). Warnings (e.g. calls outside opening hours) are appended
// to `warnings` when given.
//
// `overrides` are `--set PATH=VALUE` arguments (SPEC §12), applied in order to the
// parsed YAML before it is read, so each value is checked like one in the file; a
// problem with one is reported at "--set PATH=VALUE" (see load/overrides.hpp).
Plan load_plan(const std::string& path, std::vector<Diagnostic>* warnings = nullptr,
               const std::vector<std::string>& overrides = {});

// Same, from text already in memory; `file_name` is used in messages and its folder
// resolves relative csv paths.
Plan load_plan_text(const std::string& text, const std::string& file_name,
                    std::vector<Diagnostic>* warnings = nullptr,
                    const std::vector<std::string>& overrides = {});

// Throws InputError naming every `--set` argument that is not of the form
// PATH=VALUE (so a command can refuse them before any work).
void check_overrides(const std::vector<std::string>& overrides);

// Reads the productive agents per queue and interval from the JSON that
// `staffplan plan -f json` writes, checked against `plan`. Throws InputError.
Staffing load_staffing_json(const std::string& path, const Plan& plan);

}  // namespace staffplan::load
