// A solver phase in a child process (deadline_run.hpp): its result and its progress
// reach the parent, what it writes to stderr (COIN-OR's messages, an assertion)
// does not, and a child that dies or overruns gives no result instead of taking
// the process down.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "optimize/deadline_run.hpp"
#include "optimize/limits.hpp"

namespace staffplan::optimize {
namespace {

using Clock = std::chrono::steady_clock;

// Runs `body` with this process's stderr sent to a temporary file; returns what
// was written to it.
template <class Body>
std::string stderr_of(Body body) {
  std::fflush(stderr);
  FILE* capture = std::tmpfile();
  const int saved = dup(STDERR_FILENO);
  dup2(fileno(capture), STDERR_FILENO);
  body();
  std::fflush(stderr);
  dup2(saved, STDERR_FILENO);
  close(saved);
  std::string text;
  std::rewind(capture);
  for (int c; (c = std::fgetc(capture)) != EOF;) text.push_back(static_cast<char>(c));
  std::fclose(capture);
  return text;
}

TEST(DeadlineRun, ProgressReachesTheParentAndTheChildsStderrDoesNot) {
  std::vector<Progress> seen;
  std::optional<std::string> answer;
  const std::string written = stderr_of([&] {
    answer = run_until(
        [](const ProgressCallback& report) {
          std::fputs("Clp0006I noise from the solver\n", stderr);
          std::fflush(stderr);
          report(Progress{0.5, std::nullopt, 10.0, std::nullopt});
          report(Progress{1.5, 12.0, 11.0, 1.0 / 12.0});
          return std::string("result");
        },
        Clock::now() + std::chrono::seconds(30), nullptr, [&](const Progress& p) { seen.push_back(p); });
  });
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(*answer, "result");
  EXPECT_EQ(written, "");
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].elapsed_s, 0.5);
  EXPECT_FALSE(seen[0].best_cost.has_value());
  EXPECT_EQ(seen[0].lower_bound, 10.0);
  EXPECT_FALSE(seen[0].gap.has_value());
  EXPECT_EQ(seen[1].best_cost, 12.0);
  EXPECT_EQ(seen[1].gap, 1.0 / 12.0);
}

// A child silent for longer than kProgressHeartbeatSeconds (Clp's barrier on a
// degenerate week) has its last report repeated with the clock advanced: a report
// at 0.5 s, then 2.5 s of silence, gives at least one more report, later by about
// the heartbeat or more, with still no plan and no bound.
TEST(DeadlineRun, ASilentChildsLastReportIsRepeatedWithItsClockAdvanced) {
  std::vector<Progress> seen;
  const auto answer = run_until(
      [](const ProgressCallback& report) {
        report(Progress{0.5, std::nullopt, std::nullopt, std::nullopt});
        std::this_thread::sleep_for(std::chrono::milliseconds(2500));
        return std::string("done");
      },
      Clock::now() + std::chrono::seconds(30), nullptr, [&](const Progress& p) { seen.push_back(p); });
  ASSERT_TRUE(answer.has_value());
  ASSERT_GE(seen.size(), 2u);
  EXPECT_EQ(seen[0].elapsed_s, 0.5);
  for (std::size_t k = 1; k < seen.size(); ++k) {
    EXPECT_GE(seen[k].elapsed_s, seen[k - 1].elapsed_s + detail::kProgressHeartbeatSeconds - 1e-9);
    EXPECT_FALSE(seen[k].best_cost.has_value());
    EXPECT_FALSE(seen[k].lower_bound.has_value());
    EXPECT_FALSE(seen[k].gap.has_value());
  }
  EXPECT_LE(seen.back().elapsed_s, 0.5 + 2.5 + 1.0);  // never ahead of the real clock by more than a poll
}

TEST(DeadlineRun, AChildThatAbortsGivesNoResultAndNoMessage) {
  std::optional<std::string> answer = "unset";
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  const std::string written = stderr_of([&] {
    answer = run_until(
        [](const ProgressCallback&) -> std::string {
          std::fputs("ClpNonLinearCost.cpp:1064: Assertion `lowerValue <= upperValue' failed.\n", stderr);
          std::abort();
        },
        deadline, nullptr, nullptr);
  });
  EXPECT_FALSE(answer.has_value());
  EXPECT_LT(Clock::now(), deadline);  // it died; nobody waited for the deadline
  EXPECT_EQ(written, "");
}

TEST(DeadlineRun, AChildPastItsDeadlineIsStopped) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(300);
  const std::optional<std::string> answer = run_until(
      [](const ProgressCallback&) {
        std::this_thread::sleep_for(std::chrono::seconds(60));
        return std::string("too late");
      },
      deadline, nullptr, nullptr);
  EXPECT_FALSE(answer.has_value());
  EXPECT_LT(Clock::now(), deadline + std::chrono::seconds(30));  // not the child's 60 s
}

}  // namespace
}  // namespace staffplan::optimize
