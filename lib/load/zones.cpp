#include "load/zones.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <map>
#include <mutex>

namespace staffplan::load {
namespace {

using std::chrono::seconds;

// Real zone names are at most about 30 bytes; longer ones go to date::locate_zone.
constexpr std::size_t max_direct_name_bytes = 255;
// Real TZif files are a few kB; a larger file is not one.
constexpr std::size_t max_tzif_bytes = 1 << 20;

constexpr std::string_view tzif_magic = "TZif";
constexpr std::size_t tzif_reserved_bytes = 15;
constexpr std::size_t v1_time_bytes = 4;
constexpr std::size_t v2_time_bytes = 8;
constexpr std::size_t ttinfo_bytes = 6;        // utoff (4), isdst (1), abbreviation index (1)
constexpr std::size_t leap_count_bytes = 4;    // a leap-second record: time, then this
constexpr std::uint64_t max_types = 256;       // transition indices are one byte
// RFC 8536 section 3.2: an offset from -89999 to 93599 s (real ones are within ±15 h).
constexpr std::int64_t min_offset_s = -89999;
constexpr std::int64_t max_offset_s = 93599;

// The date library's first span starts at the start of its earliest year, and the
// last one ends at the start of the last day of its latest year.
constexpr date::sys_seconds earliest = date::sys_days{date::year::min() / date::January / 1};
constexpr date::sys_seconds latest = date::sys_days{date::year::max() / date::December / 31};

// Folders and files under the database folder that are not zones of their own,
// matched against every component of a name. The date library skips the same names,
// and every name that starts with "posix" ("posix/", "posixrules"), when it lists
// its database; "localtime" (a link to the machine's own clock) and "SECURITY" it
// would list, but they are no zone.
constexpr std::array<std::string_view, 7> not_zones = {"right",    "Factory",  "leapseconds", "version",
                                                       "+VERSION", "SECURITY", "localtime"};
constexpr std::string_view posix_prefix = "posix";

bool name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' ||
         c == '-';
}

bool direct_component(std::string_view part) {
  if (part.empty() || part.starts_with(posix_prefix)) return false;
  if (std::find(not_zones.begin(), not_zones.end(), part) != not_zones.end()) return false;
  return std::all_of(part.begin(), part.end(), name_char);
}

// Big-endian reads that never run past the end: a short read clears ok().
class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}
  bool ok() const { return ok_; }
  std::uint64_t left() const { return data_.size() - pos_; }
  std::string_view take(std::uint64_t n) {
    if (!ok_ || n > left()) {
      ok_ = false;
      return {};
    }
    const std::string_view out = data_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  std::uint64_t unsigned_be(std::size_t width) {
    std::uint64_t value = 0;
    for (const char c : take(width)) value = value << 8 | static_cast<unsigned char>(c);
    return value;
  }
  std::int64_t signed_be(std::size_t width) {
    const std::uint64_t value = unsigned_be(width);
    const std::uint64_t sign = std::uint64_t{1} << (8 * width - 1);
    return static_cast<std::int64_t>(value ^ sign) - static_cast<std::int64_t>(sign);  // two's complement
  }

 private:
  std::string_view data_;
  std::uint64_t pos_ = 0;
  bool ok_ = true;
};

struct Header {
  char version = 0;
  std::uint64_t isut = 0, isstd = 0, leap = 0, time = 0, type = 0, chars = 0;

  // Bytes of the data block after this header, with `time_bytes` per transition time.
  std::uint64_t block_bytes(std::uint64_t time_bytes) const {
    return time * time_bytes + time + type * ttinfo_bytes + chars + leap * (time_bytes + leap_count_bytes) +
           isstd + isut;
  }
};

std::optional<Header> read_header(Bytes& in) {
  constexpr std::uint64_t count_bytes = 4;
  if (in.take(tzif_magic.size()) != tzif_magic) return std::nullopt;
  Header h;
  const std::string_view version = in.take(1);
  in.take(tzif_reserved_bytes);
  for (std::uint64_t* count : {&h.isut, &h.isstd, &h.leap, &h.time, &h.type, &h.chars})
    *count = in.unsigned_be(count_bytes);
  if (!in.ok()) return std::nullopt;
  h.version = version[0];
  if (h.version != '\0' && (h.version < '2' || h.version > '4')) return std::nullopt;
  return h;
}

// The date library treats two spans with the same offset, abbreviation and daylight
// flag as one.
bool same_clock(const Zone::Span& a, const Zone::Span& b) {
  return a.offset == b.offset && a.daylight == b.daylight && a.abbrev == b.abbrev;
}

// The zones read so far, by name. std::map keeps each zone at one address for the
// life of the process, so the pointers handed out stay valid.
struct ZoneCache {
  std::mutex mutex;
  std::map<std::string, Zone, std::less<>> zones;
};

ZoneCache& cache() {
  static ZoneCache instance;
  return instance;
}

enum class FileRead { ok, not_regular, too_large };

// The whole of a regular file of at most max_tzif_bytes.
FileRead read_small_file(const std::string& path, std::string& bytes) {
  // O_NONBLOCK: a FIFO in place of a zone file must not hang the open.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return FileRead::not_regular;
  struct stat sb {};
  FileRead result = FileRead::ok;
  if (::fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    result = FileRead::not_regular;
  } else {
    std::array<char, 1 << 14> buffer{};
    while (true) {
      const ssize_t got = ::read(fd, buffer.data(), buffer.size());
      if (got < 0 && errno == EINTR) continue;
      if (got <= 0) break;  // end of file, or an error: what was read does not parse
      bytes.append(buffer.data(), static_cast<std::size_t>(got));
      if (bytes.size() > max_tzif_bytes) {
        result = FileRead::too_large;
        break;
      }
    }
  }
  ::close(fd);
  return result;
}

}  // namespace

Zone::Zone(std::string name, std::vector<Span> spans, std::optional<std::string> rule)
    : name_(std::move(name)), spans_(std::move(spans)), rule_(std::move(rule)) {}

date::sys_info Zone::info(std::size_t span) const {
  const Span& s = spans_[span];
  date::sys_info out{};
  out.begin = s.begin;
  out.end = span + 1 < spans_.size() ? spans_[span + 1].begin : latest;
  out.offset = s.offset;
  out.save = std::chrono::minutes{s.daylight ? 1 : 0};
  out.abbrev = s.abbrev;
  return out;
}

date::sys_info Zone::get_info(date::sys_seconds t) const {
  const auto after = std::upper_bound(spans_.begin(), spans_.end(), t,
                                      [](date::sys_seconds x, const Span& s) { return x < s.begin; });
  return info(after == spans_.begin() ? 0 : static_cast<std::size_t>(after - spans_.begin() - 1));
}

date::local_seconds Zone::to_local(date::sys_seconds t) const {
  return date::local_seconds{t.time_since_epoch() + get_info(t).offset};
}

date::local_info Zone::get_info(date::local_seconds t) const {
  const auto local_begin = [&](std::size_t k) { return spans_[k].begin.time_since_epoch() + spans_[k].offset; };
  const auto local_end = [&](std::size_t k) {
    return (k + 1 < spans_.size() ? spans_[k + 1].begin : latest).time_since_epoch() + spans_[k].offset;
  };
  const seconds at = t.time_since_epoch();
  // The last span whose local start is at or before t (local starts ascend: spans
  // are months apart, offsets change by hours).
  std::size_t lo = 0, hi = spans_.size();
  while (hi - lo > 1) {
    const std::size_t mid = lo + (hi - lo) / 2;
    (local_begin(mid) <= at ? lo : hi) = mid;
  }
  std::vector<std::size_t> holding;
  for (std::size_t k = lo == 0 ? 0 : lo - 1; k <= lo + 1 && k < spans_.size(); ++k)
    if (local_begin(k) <= at && at < local_end(k)) holding.push_back(k);
  date::local_info out{};
  if (holding.size() >= 2) {
    out.result = date::local_info::ambiguous;
    out.first = info(holding[0]);
    out.second = info(holding[1]);
  } else if (holding.size() == 1) {
    out.result = date::local_info::unique;
    out.first = info(holding[0]);
  } else if (lo + 1 < spans_.size()) {
    out.result = date::local_info::nonexistent;
    out.first = info(lo);
    out.second = info(lo + 1);
  } else {
    out.result = date::local_info::unique;
    out.first = info(lo);
  }
  return out;
}

std::optional<Zone> parse_tzif(std::string name, std::string_view bytes) {
  Bytes in(bytes);
  std::optional<Header> h = read_header(in);
  std::size_t time_bytes = v1_time_bytes;
  if (h && h->version != '\0') {  // skip the 32-bit block: the 64-bit one follows
    in.take(h->block_bytes(v1_time_bytes));
    h = read_header(in);
    time_bytes = v2_time_bytes;
  }
  // Leap seconds would shift every transition; the database's zones have none.
  if (!h || h->leap != 0 || h->type == 0 || h->type > max_types || h->chars == 0 ||
      h->block_bytes(time_bytes) > in.left())
    return std::nullopt;

  std::vector<date::sys_seconds> times;
  times.reserve(h->time);
  for (std::uint64_t i = 0; i < h->time; ++i) {
    times.emplace_back(seconds{in.signed_be(time_bytes)});
    if (times.back() < earliest || (i > 0 && times[i] <= times[i - 1])) return std::nullopt;
  }
  std::vector<std::uint64_t> indices;
  indices.reserve(h->time);
  for (std::uint64_t i = 0; i < h->time; ++i) {
    indices.push_back(in.unsigned_be(1));
    if (indices.back() >= h->type) return std::nullopt;
  }
  struct Type {
    std::int64_t offset;
    bool daylight;
    std::uint64_t abbrev_at;
  };
  std::vector<Type> types;
  for (std::uint64_t i = 0; i < h->type; ++i) {
    const std::int64_t offset = in.signed_be(4);
    const bool daylight = in.unsigned_be(1) != 0;
    const std::uint64_t abbrev_at = in.unsigned_be(1);
    if (offset < min_offset_s || offset > max_offset_s || abbrev_at >= h->chars) return std::nullopt;
    types.push_back({offset, daylight, abbrev_at});
  }
  const std::string_view chars = in.take(h->chars);
  in.take(h->isstd + h->isut);
  if (!in.ok()) return std::nullopt;
  // Version 2+: "\n<POSIX TZ string>\n" after the data.
  std::optional<std::string> rule;
  if (const std::string_view rest = in.take(in.left());
      h->version != '\0' && rest.size() >= 2 && rest.front() == '\n' && rest.back() == '\n')
    rule = std::string(rest.substr(1, rest.size() - 2));
  const auto span_of = [&](date::sys_seconds begin, const Type& type) {
    const std::string_view rest = chars.substr(type.abbrev_at);
    return Zone::Span{begin, seconds{type.offset}, type.daylight, std::string(rest.substr(0, rest.find('\0')))};
  };

  // Before the first transition: the first standard-time type (as the date library).
  std::vector<Zone::Span> all;
  all.reserve(times.size() + 1);
  if (times.empty() || times.front() != earliest) {
    const auto standard = std::find_if(types.begin(), types.end(), [](const Type& t) { return !t.daylight; });
    all.push_back(span_of(earliest, standard == types.end() ? types.front() : *standard));
  }
  for (std::size_t i = 0; i < times.size(); ++i) all.push_back(span_of(times[i], types[indices[i]]));
  std::vector<Zone::Span> spans;
  for (std::size_t k = 0; k < all.size(); ++k)
    if (k == 0 || !same_clock(all[k], all[k - 1])) spans.push_back(all[k]);
  return Zone(std::move(name), std::move(spans), std::move(rule));
}

bool direct_zone_name(std::string_view name) {
  if (name.empty() || name.size() > max_direct_name_bytes) return false;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = name.find('/', start);
    const std::string_view part =
        name.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
    if (!direct_component(part)) return false;  // also an empty part: leading, doubled or trailing "/"
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

ZoneFile read_zone_file(const std::string& name, const std::string& tz_dir) {
  ZoneCache& c = cache();
  const std::lock_guard lock(c.mutex);
  if (const auto it = c.zones.find(name); it != c.zones.end()) return {true, &it->second};
  std::string bytes;
  const FileRead read = read_small_file(tz_dir + "/" + name, bytes);
  if (read == FileRead::not_regular) return {};
  if (read == FileRead::too_large) return {true, nullptr};
  std::optional<Zone> zone = parse_tzif(name, bytes);
  if (!zone) return {true, nullptr};
  return {true, &c.zones.emplace(name, std::move(*zone)).first->second};
}

}  // namespace staffplan::load
