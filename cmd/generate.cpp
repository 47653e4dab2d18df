// `staffplan --generate man|bash|zsh|flags` (hidden): writes the parts of the manual
// page and the shell completions that list commands and flags, from the same CLI11
// option table that prints --help, so --help, man page and completions cannot drift
// apart. The build runs it (cmake/generate_docs.cmake); users never need to.
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "cli.hpp"

namespace staffplan::cli {
namespace {

std::vector<const CLI::App*> commands_of(const CLI::App& app) {
  return app.get_subcommands([](const CLI::App*) { return true; });
}

// Options of a command, positionals first, in the order they were added; --help last.
std::vector<const CLI::Option*> options_of(const CLI::App& command, bool positional) {
  std::vector<const CLI::Option*> out;
  for (const auto* option : command.get_options([](const CLI::Option*) { return true; }))
    if (option->get_positional() == positional && !option->get_group().empty()) out.push_back(option);
  std::stable_partition(out.begin(), out.end(),
                        [](const CLI::Option* o) { return o->get_lnames() != std::vector<std::string>{"help"}; });
  return out;
}

// "-f, --format" from the option's names.
std::string names_of(const CLI::Option& option) {
  std::string out;
  for (const auto& s : option.get_snames()) out += (out.empty() ? "-" : ", -") + s;
  for (const auto& l : option.get_lnames()) out += (out.empty() ? "--" : ", --") + l;
  return out;
}

// The values of a CLI::IsMember check ("TEXT:{table,csv,json}" -> table csv json).
std::vector<std::string> choices_of(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const auto open = type.find('{');
  const auto close = type.find('}', open);
  std::vector<std::string> out;
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string item;
  for (char c : type.substr(open + 1, close - open - 1)) {
    if (c == ',') {
      out.push_back(item);
      item.clear();
    } else {
      item += c;
    }
  }
  if (!item.empty()) out.push_back(item);
  return out;
}

bool takes_value(const CLI::Option& option) { return option.get_items_expected_max() > 0; }

// The value placeholder shown in the man page: choices, or the option's metavariable.
std::string value_of(const CLI::Option& option) {
  const auto choices = choices_of(option);
  if (!choices.empty()) return fmt::format("{}", fmt::join(choices, "|"));
  std::string type = option.get_type_name();
  if (const auto colon = type.find(':'); colon != std::string::npos) type = type.substr(0, colon);
  return type.empty() ? "VALUE" : type;
}

// roff-escapes text: backslashes, and a leading dot or quote that would start a request.
std::string roff(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

std::string man_options(const CLI::App& app) {
  std::string out;
  for (const auto* command : commands_of(app)) {
    out += fmt::format(".SS \"staffplan {}\"\n", command->get_name());
    std::string synopsis = "staffplan " + command->get_name();
    for (const auto* p : options_of(*command, true)) synopsis += " " + p->get_name(true);
    out += fmt::format(".B {}\n[\\fIOPTIONS\\fR]\n.PP\n{}\n", roff(synopsis), roff(command->get_description()));
    for (const bool positional : {true, false}) {
      for (const auto* option : options_of(*command, positional)) {
        out += ".TP\n";
        if (positional)
          out += fmt::format("\\fI{}\\fR\n", roff(option->get_name(true)));
        else if (takes_value(*option))
          out += fmt::format("\\fB{}\\fR \\fI{}\\fR\n", roff(names_of(*option)), roff(value_of(*option)));
        else
          out += fmt::format("\\fB{}\\fR\n", roff(names_of(*option)));
        std::string text = option->get_description();
        if (option->get_required()) text += " (required)";
        if (!option->get_default_str().empty()) text += fmt::format(" (default: {})", option->get_default_str());
        out += roff(text) + "\n";
      }
    }
  }
  return out;
}

std::string bash_completion(const CLI::App& app) {
  std::string commands, command_pattern, cases;
  for (const auto* command : commands_of(app)) {
    commands += (commands.empty() ? "" : " ") + command->get_name();
    command_pattern += (command_pattern.empty() ? "" : "|") + command->get_name();
    std::string flags, values;
    for (const auto* option : options_of(*command, false)) {
      for (const auto& s : option->get_snames()) flags += " -" + s;
      for (const auto& l : option->get_lnames()) flags += " --" + l;
      if (!takes_value(*option)) continue;
      const auto choices = choices_of(*option);
      std::string pattern;
      for (const auto& s : option->get_snames()) pattern += (pattern.empty() ? "-" : "|-") + s;
      for (const auto& l : option->get_lnames()) pattern += (pattern.empty() ? "--" : "|--") + l;
      if (!choices.empty())
        values += fmt::format("        {}) COMPREPLY=($(compgen -W \"{}\" -- \"$cur\")); return ;;\n", pattern,
                              fmt::join(choices, " "));
      else if (option->get_lnames() == std::vector<std::string>{"output"} ||
               option->get_lnames() == std::vector<std::string>{"plan"})
        values += fmt::format("        {}) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", pattern);
      else
        values += fmt::format("        {}) return ;;\n", pattern);
    }
    cases += fmt::format("    {})\n      case $prev in\n{}      esac\n      opts=\"{}\" ;;\n", command->get_name(),
                         values, flags.substr(1));
  }
  return fmt::format(R"(# bash completion for staffplan (generated by `staffplan --generate bash`)
_staffplan() {{
  local cur prev command opts i
  cur=${{COMP_WORDS[COMP_CWORD]}}
  prev=${{COMP_WORDS[COMP_CWORD-1]}}
  command=
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${{COMP_WORDS[i]}} in
      {0}) command=${{COMP_WORDS[i]}}; break ;;
    esac
  done
  if [[ -z $command ]]; then
    COMPREPLY=($(compgen -W "{1} --help --version" -- "$cur"))
    return
  fi
  case $command in
{2}  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))
  fi
}}
complete -F _staffplan staffplan
)",
                     command_pattern, commands, cases);
}

// zsh `_arguments` spec of one option, e.g. '(-f --format)'{-f,--format}'[Output format]:format:(table csv json)'.
std::string zsh_spec(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const auto& s : option.get_snames()) names.push_back("-" + s);
  for (const auto& l : option.get_lnames()) names.push_back("--" + l);
  std::string description = option.get_description();
  for (char& c : description)
    if (c == '[' || c == ']' || c == '\'' || c == ':') c = ' ';
  std::string action;
  if (takes_value(option)) {
    const auto choices = choices_of(option);
    if (!choices.empty())
      action = fmt::format(":{}:({})", names.back().substr(2), fmt::join(choices, " "));
    else if (option.get_lnames() == std::vector<std::string>{"output"} ||
             option.get_lnames() == std::vector<std::string>{"plan"})
      action = fmt::format(":{}:_files", names.back().substr(2));
    else
      action = fmt::format(":{}: ", names.back().substr(2));
  }
  if (names.size() == 1) return fmt::format("'{}[{}]{}'", names[0], description, action);
  return fmt::format("'({})'{{{}}}'[{}]{}'", fmt::join(names, " "), fmt::join(names, ","), description, action);
}

std::string zsh_completion(const CLI::App& app) {
  std::string commands, cases;
  for (const auto* command : commands_of(app)) {
    std::string description = command->get_description();
    for (char& c : description)
      if (c == ':' || c == '\'') c = ' ';
    commands += fmt::format("    '{}:{}'\n", command->get_name(), description);
    std::string specs;
    for (const auto* option : options_of(*command, false)) specs += " \\\n        " + zsh_spec(*option);
    if (!options_of(*command, true).empty()) specs += " \\\n        '1:plan file:_files -g \"*.(yaml|yml)\"'";
    cases += fmt::format("    {})\n      _arguments -s{} ;;\n", command->get_name(), specs);
  }
  return fmt::format(R"(#compdef staffplan
# zsh completion for staffplan (generated by `staffplan --generate zsh`)
_staffplan() {{
  local -a commands
  commands=(
{}  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'staffplan command' commands
    _arguments '--help[Print help and exit]' '--version[Print the version and exit]'
    return
  fi
  local command=${{words[2]}}
  shift words
  (( CURRENT-- ))
  case $command in
{}  esac
}}
_staffplan "$@"
)",
                     commands, cases);
}

// One line per flag: "COMMAND FLAG DEFAULT" (DEFAULT "-" when none), for the docs test.
std::string flag_list(const CLI::App& app) {
  std::string out;
  for (const auto* command : commands_of(app))
    for (const auto* option : options_of(*command, false))
      for (const auto& l : option->get_lnames())
        out += fmt::format("{} --{} {}\n", command->get_name(), l,
                           option->get_default_str().empty() ? "-" : option->get_default_str());
  return out;
}

}  // namespace

int generate(const CLI::App& app, const std::string& what) {
  std::string text;
  if (what == "man")
    text = man_options(app);
  else if (what == "bash")
    text = bash_completion(app);
  else if (what == "zsh")
    text = zsh_completion(app);
  else if (what == "flags")
    text = flag_list(app);
  else {
    fmt::print(stderr, "staffplan: error: --generate: expected man, bash, zsh or flags, got '{}'\n", what);
    return ExitCode::bad_input;
  }
  fmt::print("{}", text);
  return ExitCode::ok;
}

}  // namespace staffplan::cli
