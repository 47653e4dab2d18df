#include "report/writer.hpp"

#include "report/text_width.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace staffplan::report {

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  align_.resize(headers_.size(), Align::right);
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::add_rule() { rows_.emplace_back(); }

std::string Table::str() const {
  std::vector<std::size_t> width(headers_.size());
  // Terminal columns, not bytes: names may hold CJK, accents or zero-width characters.
  for (std::size_t c = 0; c < headers_.size(); ++c) width[c] = display_width(headers_[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));

  std::string out;
  const auto write_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += "  ";
      const std::string padding(width[c] - display_width(cells[c]), ' ');
      if (align_[c] == Align::left)
        line += cells[c] + padding;
      else
        line += padding + cells[c];
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  };
  std::size_t total = 0;
  for (auto w : width) total += w;
  total += 2 * (width.empty() ? 0 : width.size() - 1);
  const std::string rule(total, '-');

  write_row(headers_);
  out += rule + '\n';
  for (const auto& row : rows_) {
    if (row.empty())
      out += rule + '\n';
    else
      write_row(row);
  }
  return out;
}

namespace {

// A plain decimal number as this program writes them: optional sign, digits with
// an optional fraction, optional exponent ("-0.25", "1e+06").
bool is_number(std::string_view cell) {
  std::size_t at = 0;
  const auto digits = [&] {
    const std::size_t from = at;
    while (at < cell.size() && cell[at] >= '0' && cell[at] <= '9') ++at;
    return at - from;
  };
  if (at < cell.size() && (cell[at] == '+' || cell[at] == '-')) ++at;
  std::size_t mantissa = digits();
  if (at < cell.size() && cell[at] == '.') {
    ++at;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (at < cell.size() && (cell[at] == 'e' || cell[at] == 'E')) {
    ++at;
    if (at < cell.size() && (cell[at] == '+' || cell[at] == '-')) ++at;
    if (digits() == 0) return false;
  }
  return at == cell.size();
}

// Text a spreadsheet would run as a formula (CSV injection): it starts with = + - @,
// a tab or a carriage return and is not simply a number.
bool reads_as_formula(std::string_view cell) {
  if (cell.empty()) return false;
  const char first = cell.front();
  const bool trigger = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
                       first == '\r';
  return trigger && !is_number(cell);
}

}  // namespace

CsvWriter::CsvWriter(const std::vector<std::string>& header) { write_row(header); }

void CsvWriter::add_row(const std::vector<std::string>& cells) { write_row(cells); }

void CsvWriter::write_row(const std::vector<std::string>& cells) {
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c > 0) out_ += ',';
    // SPEC §6: a leading ' makes the spreadsheet show the text instead of running it.
    const std::string cell = reads_as_formula(cells[c]) ? "'" + cells[c] : cells[c];
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
      out_ += cell;
      continue;
    }
    out_ += '"';
    for (char ch : cell) {
      if (ch == '"') out_ += '"';
      out_ += ch;
    }
    out_ += '"';
  }
  out_ += "\r\n";
}

void JsonWriter::newline() {
  out_ += '\n';
  out_.append(2 * first_.size(), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    newline();
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::close(char bracket) {
  const bool empty = first_.back();
  first_.pop_back();
  if (!empty) newline();
  out_ += bracket;
  return *this;
}

JsonWriter& JsonWriter::end_object() { return close('}'); }

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() { return close(']'); }

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  out_ += json_string(name);
  out_ += ": ";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ += json_string(text);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    out_ += "null";
  } else {
    if (number == 0) number = 0;  // no "-0"
    out_ += fmt::format("{}", number);  // shortest round-trip representation
  }
  return *this;
}

JsonWriter& JsonWriter::value(int number) { return value(static_cast<long long>(number)); }

JsonWriter& JsonWriter::value(long long number) {
  before_value();
  out_ += fmt::format("{}", number);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ += flag ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ += "null";
  return *this;
}

double tidy(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

std::string fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "";
  std::string text = fmt::format("{:.{}f}", value, decimals);
  if (text.starts_with('-') && text.find_first_not_of("-0.") == std::string::npos)
    text.erase(0, 1);
  return text;
}

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (unsigned char ch : text) {
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (ch < 0x20)
          out += fmt::format("\\u{:04x}", ch);
        else
          out += static_cast<char>(ch);
    }
  }
  out += '"';
  return out;
}

}  // namespace staffplan::report
