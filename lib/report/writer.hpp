#pragma once
// Building blocks shared by every report: an aligned text table, an RFC 4180 CSV
// writer and a small JSON writer. All output is built in memory as a string, so a
// failed run never leaves half a result behind. Numbers are formatted by fmt with
// explicit precision, so output is byte-identical across runs and machines.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace staffplan::report {

// Aligned columns for people: text left-aligned, numbers right-aligned.
class Table {
 public:
  enum class Align { left, right };
  explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});
  void add_row(std::vector<std::string> cells);
  void add_rule();  // a dashed line, e.g. before totals
  std::string str() const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

// RFC 4180: comma-separated, CRLF line ends, fields quoted when they contain a
// comma, quote or line break. A text cell that a spreadsheet would read as a
// formula (first character = + - @, tab or CR) gets a leading ' (SPEC §6);
// numbers, negative ones too, are written as they are.
class CsvWriter {
 public:
  explicit CsvWriter(const std::vector<std::string>& header);
  void add_row(const std::vector<std::string>& cells);
  const std::string& str() const { return out_; }

 private:
  void write_row(const std::vector<std::string>& cells);
  std::string out_;
};

// Streaming JSON writer with 2-space indentation; keys are written in call order.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(double number);  // non-finite numbers are written as null
  JsonWriter& value(int number);
  JsonWriter& value(long long number);
  JsonWriter& value(bool flag);
  JsonWriter& null();
  JsonWriter& value(std::optional<double> number) { return number ? value(*number) : null(); }
  // The finished document, with a trailing newline.
  std::string str() const { return out_ + "\n"; }

 private:
  void before_value();
  JsonWriter& close(char bracket);
  void newline();
  std::string out_;
  std::vector<bool> first_;   // per open container: no element written yet
  bool after_key_ = false;
};

// One number rounded to `decimals` places for JSON, so float noise never reaches
// the output (JSON numbers are written with full precision).
double tidy(double value, int decimals);

// Fixed-point number with `decimals` digits ("-0.000" is written as "0.000");
// non-finite values give "" (empty CSV field) — callers needing "inf" say so.
std::string fixed(double value, int decimals);

// Quote and escape a string for JSON.
std::string json_string(std::string_view text);

}  // namespace staffplan::report
