// Writing the result (SPEC §1, §6): stdout, or -o FILE replaced atomically, keeping
// owner and mode, through symbolic links; an incomplete result goes beside FILE.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <climits>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "cli.hpp"
#include "model/errors.hpp"
#include "signals.hpp"

namespace staffplan::cli {
namespace {

void write_all(int fd, const std::string& text, const std::string& what) {
  const char* data = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe{};
      throw std::runtime_error(fmt::format("cannot write {}: {}", what, std::strerror(errno)));
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
}

// A temporary name in `folder` for `name`: ".NAME.XXXXXX", or ".staffplan.XXXXXX"
// when that would pass the file-name limit (NAME_MAX, 255 bytes on Linux), so a
// long but valid FILE never fails because of the temporary name.
std::string temp_pattern(const std::filesystem::path& folder, const std::string& name) {
  const std::string suffix = ".XXXXXX";
  const std::string leaf = 1 + name.size() + suffix.size() <= NAME_MAX ? "." + name + suffix
                                                                       : ".staffplan" + suffix;
  return (folder / leaf).string();
}

// The owner and mode a replaced file keeps; a new file has none to keep.
struct Keep {
  mode_t mode = 0666;
  std::optional<std::pair<uid_t, gid_t>> owner;
};

// Makes the directory entry of a rename durable; a failure costs durability only.
void sync_folder(const std::filesystem::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// Writes a temporary file in the target's folder, gives it the owner and mode to
// keep, fsyncs it, then renames it over the target: the file appears complete or
// not at all, and no failure or signal (TempFile) leaves the temporary file behind.
// False, with nothing written, when the owner cannot be kept (not allowed to
// chown): the caller then writes the file in place.
bool write_atomically(const std::string& path, const std::string& text, const Keep& keep) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  TempFile temp(temp_pattern(folder, target.filename().string()));
  const int fd = temp.create();
  if (fd < 0)
    throw std::runtime_error(
        fmt::format("cannot create a temporary file in {}: {}", folder.string(), std::strerror(errno)));
  try {
    // Owner first: chown clears set-user-ID bits that fchmod then sets again.
    if (keep.owner && ::fchown(fd, keep.owner->first, keep.owner->second) != 0) {
      if (errno != EPERM)
        throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
      ::close(fd);
      temp.remove();
      return false;
    }
    if (::fchmod(fd, keep.mode) != 0)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    write_all(fd, text, path);
    if (::fsync(fd) != 0)
      throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
  } catch (...) {
    ::close(fd);
    temp.remove();
    throw;
  }
  if (::close(fd) != 0) {
    const int err = errno;
    temp.remove();
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
  if (::rename(temp.path().c_str(), path.c_str()) != 0) {
    const int err = errno;
    temp.remove();
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(err)));
  }
  temp.release();
  sync_folder(folder);
  return true;
}

// A device or FIFO (/dev/null, /dev/full, /dev/stdout, a named pipe) cannot be
// replaced by rename: it is written in place, and a failed write is still an error.
// Also the fallback for a regular file whose owner a rename cannot keep.
void write_in_place(const std::string& path, const std::string& text, bool truncate) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | (truncate ? O_TRUNC : 0));
  if (fd < 0) throw std::runtime_error(fmt::format("cannot open {}: {}", path, std::strerror(errno)));
  try {
    write_all(fd, text, path);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0)
    throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(errno)));
}

// Follows `path` through symbolic links, as the shell's `>` does, to the name that
// is actually written: a link (even a dangling one) is written through, never
// replaced by a regular file.
std::string resolve_links(std::string path) {
  namespace fs = std::filesystem;
  constexpr int max_links = 40;  // the kernel's own limit (ELOOP)
  for (int hop = 0; hop < max_links; ++hop) {
    struct stat info {};
    if (::lstat(path.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return path;
    std::error_code ec;
    const fs::path next = fs::read_symlink(path, ec);
    if (ec) throw std::runtime_error(fmt::format("cannot write {}: {}", path, ec.message()));
    path = next.is_absolute() ? next.string() : (fs::path(path).parent_path() / next).string();
  }
  throw std::runtime_error(fmt::format("cannot write {}: {}", path, std::strerror(ELOOP)));
}

// Regular files (and new paths) get temp + rename keeping owner and mode; anything
// else is written in place.
void write_output_file(const std::string& requested, const std::string& text) {
  const std::string path = resolve_links(requested);
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT)
      throw std::runtime_error(fmt::format("cannot write {}: {}", requested, std::strerror(errno)));
    const mode_t mask = ::umask(0);  // new file: 0666 minus the umask, like any other tool
    ::umask(mask);
    write_atomically(path, text, Keep{.mode = static_cast<mode_t>(0666 & ~mask), .owner = std::nullopt});
    return;
  }
  if (S_ISDIR(info.st_mode))
    throw std::runtime_error(fmt::format("cannot write {}: it is a directory", requested));
  if (!S_ISREG(info.st_mode)) {
    write_in_place(path, text, false);
    return;
  }
  const Keep keep{.mode = static_cast<mode_t>(info.st_mode & 07777),
                  .owner = std::make_pair(info.st_uid, info.st_gid)};
  // Someone else's file that we may write but not chown: like an editor, write it
  // in place rather than take it over.
  if (!write_atomically(path, text, keep)) write_in_place(path, text, true);
}

bool is_stdout(const std::string& output) { return output.empty() || output == "-"; }

}  // namespace

report::Format CommonOptions::parsed_format() const {
  if (format == "csv") return report::Format::csv;
  if (format == "json") return report::Format::json;
  return report::Format::table;
}

void add_common_options(CLI::App& command, CommonOptions& options) {
  command.add_option("-f,--format", options.format, "Output format")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->capture_default_str();
  command.add_option("-o,--output", options.output, "Write the result to FILE (atomically)")->type_name("FILE");
  command.add_flag("-q,--quiet", options.quiet, "No warnings or progress on stderr");
}

void emit(const CommonOptions& options, const std::string& text) {
  if (is_stdout(options.output))
    write_all(STDOUT_FILENO, text, "standard output");
  else
    write_output_file(options.output, text);
}

std::string emit_incomplete(const CommonOptions& options, const std::string& text) {
  if (is_stdout(options.output)) {
    write_all(STDOUT_FILENO, text, "standard output");
    return "";
  }
  // A device or FIFO has no contents to keep: the result goes where it was asked to.
  const std::string path = resolve_links(options.output);
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode)) {
    write_in_place(path, text, false);
    return options.output;
  }
  const std::string beside = options.output + ".interrupted";
  write_output_file(beside, text);
  return beside;
}

void refuse_output_onto_inputs(const CommonOptions& options, const std::vector<std::string>& inputs) {
  if (is_stdout(options.output)) return;
  struct stat out {};
  if (::stat(options.output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) return;
  for (const auto& input : inputs) {
    struct stat in {};
    if (input.empty() || input == "-" || ::stat(input.c_str(), &in) != 0) continue;
    if (in.st_dev == out.st_dev && in.st_ino == out.st_ino)
      throw InputError(std::vector<Diagnostic>{Diagnostic{
          .file = "staffplan",
          .message = fmt::format("-o {}: that is the input file {}; refusing to overwrite an input "
                                 "(write the result to another file)",
                                 options.output, input)}});
  }
}

void warn(const CommonOptions& options, const std::string& message) {
  if (!options.quiet) fmt::print(stderr, "{}\n", message);
}

bool progress_allowed(const CommonOptions& options) {
  return !options.quiet && ::isatty(STDERR_FILENO) == 1;
}

}  // namespace staffplan::cli
