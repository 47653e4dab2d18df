// `-o FILE` under cron (SPEC §1): the file appears complete or not at all, an existing
// file survives a failed run, and a write error (full disk: /dev/full) is exit 3 with
// a message. Devices are written in place; regular files by temp file + rename.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <filesystem>
#include <string>
#include <vector>

#include "support/run_cli.hpp"

namespace fs = std::filesystem;
using namespace staffplan::testing;

namespace {

// A valid run with a result: required agents of the small valid hostile base plan.
const std::vector<std::string> good_run = {"require", source_path("tests/data/hostile/base.yaml")};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

// Every name in `folder`, to show no temporary file is left behind.
std::vector<std::string> listing(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class Output : public ::testing::Test {
 protected:
  void SetUp() override { dir = make_temp_dir(); }
  void TearDown() override { fs::remove_all(dir); }
  std::string dir;
};

TEST_F(Output, ExistingFileSurvivesAFailedRun) {
  const std::string target = dir + "/result.csv";
  write_file(target, "yesterday's plan\n");
  // Bad input (exit 2) and an input file that does not exist: neither touches the file.
  auto run = run_staffplan({"require", source_path("tests/data/hostile/days-negative.yaml"), "-f", "csv", "-o", target});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  run = run_staffplan({"require", dir + "/no-such-plan.yaml", "-f", "csv", "-o", target});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(read_file(target), "yesterday's plan\n");
  EXPECT_EQ(listing(dir), std::vector<std::string>{"result.csv"});
}

TEST_F(Output, SuccessReplacesTheFileWholeAndKeepsItsPermissions) {
  const std::string target = dir + "/result.json";
  write_file(target, "old");
  ::chmod(target.c_str(), 0640);
  const auto to_stdout = run_staffplan(with(good_run, {"-f", "json"}));
  ASSERT_EQ(to_stdout.exit_code, 0) << to_stdout.err;
  const auto run = run_staffplan(with(good_run, {"-f", "json", "-o", target}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(read_file(target), to_stdout.out);  // same bytes as stdout would get
  struct stat info {};
  ASSERT_EQ(::stat(target.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0640u);
  EXPECT_EQ(listing(dir), std::vector<std::string>{"result.json"});
}

TEST_F(Output, SymlinkedTargetIsReplacedBehindTheLink) {
  const std::string real = dir + "/real.csv", link = dir + "/link.csv";
  write_file(real, "old");
  fs::create_symlink(real, link);
  const auto run = run_staffplan(with(good_run, {"-f", "csv", "-o", link}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_NE(read_file(real), "old");
  EXPECT_EQ(read_file(real).rfind("start,queue,", 0), 0u) << read_file(real);
}

TEST_F(Output, FullDiskIsExitThreeWithAMessage) {
  const auto run = run_staffplan(with(good_run, {"-o", "/dev/full"}));
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.out, "");
  EXPECT_EQ(run.err, "staffplan: error: cannot write /dev/full: No space left on device\n");
}

TEST_F(Output, FullDiskOnStdoutIsExitThree) {
  std::string command = STAFFPLAN_BINARY;
  for (const auto& arg : good_run) command += " " + arg;
  const auto run = run_shell(command + " >/dev/full");
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err, "staffplan: error: cannot write standard output: No space left on device\n");
}

TEST_F(Output, DevNullIsWrittenInPlace) {
  const auto run = run_staffplan(with(good_run, {"-o", "/dev/null"}));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
}

TEST_F(Output, MissingFolderAndDirectoryTargetAreExitThree) {
  auto run = run_staffplan(with(good_run, {"-o", dir + "/missing/out.csv"}));
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err, "staffplan: error: cannot create a temporary file in " + dir +
                         "/missing: No such file or directory\n");
  run = run_staffplan(with(good_run, {"-o", dir}));
  EXPECT_EQ(run.exit_code, 3);
  EXPECT_EQ(run.err, "staffplan: error: cannot write " + dir + ": it is a directory\n");
  EXPECT_TRUE(listing(dir).empty());
}

}  // namespace

// ---- issue 9: -o edge cases ---------------------------------------------------------

namespace {

std::string base_plan_copy(const std::string& folder) {
  const std::string path = folder + "/plan.yaml";
  write_file(path, read_file(source_path("tests/data/hostile/base.yaml")));
  return path;
}

TEST_F(Output, ReplacingKeepsOwnerAndMode) {
  if (::geteuid() != 0) GTEST_SKIP() << "giving a file to another owner needs root";
  const std::string target = dir + "/owned.csv";
  write_file(target, "old");
  ASSERT_EQ(::chown(target.c_str(), 65534, 65534), 0);  // nobody:nogroup
  ASSERT_EQ(::chmod(target.c_str(), 0604), 0);
  const auto run = run_staffplan(with(good_run, {"-f", "csv", "-o", target}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(read_file(target).rfind("start,queue,", 0), 0u);
  struct stat info {};
  ASSERT_EQ(::stat(target.c_str(), &info), 0);
  EXPECT_EQ(info.st_uid, 65534u);
  EXPECT_EQ(info.st_gid, 65534u);
  EXPECT_EQ(info.st_mode & 07777, 0604u);
  EXPECT_EQ(listing(dir), std::vector<std::string>{"owned.csv"});
}

TEST_F(Output, OutputOntoThePlanFileIsRefusedWhateverThePath) {
  const std::string plan = base_plan_copy(dir);
  const std::string original = read_file(plan);
  fs::create_hard_link(plan, dir + "/hard.yaml");
  fs::create_symlink(plan, dir + "/soft.yaml");
  for (const std::string& out : {plan, dir + "/./plan.yaml", dir + "/hard.yaml", dir + "/soft.yaml"}) {
    SCOPED_TRACE(out);
    const auto run = run_staffplan({"require", plan, "-f", "csv", "-o", out});
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(run.err, "staffplan: error: -o " + out + ": that is the input file " + plan +
                           "; refusing to overwrite an input (write the result to another file)\n");
    EXPECT_EQ(read_file(plan), original);
  }
  // The plan command refuses it before solving; simulate also protects its --plan JSON.
  auto run = run_staffplan({"plan", plan, "-o", dir + "/hard.yaml"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  write_file(dir + "/staffing.json", "{}");
  run = run_staffplan({"simulate", plan, "--plan", dir + "/staffing.json", "-o", dir + "/staffing.json"});
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_EQ(read_file(dir + "/staffing.json"), "{}");
  EXPECT_EQ(read_file(plan), original);
}

TEST_F(Output, DanglingSymlinkIsWrittenThroughLikeTheShellDoes) {
  fs::create_directory(dir + "/reports");
  const std::string link = dir + "/latest.csv";
  fs::create_symlink("reports/monday.csv", link);  // relative, target does not exist yet
  const auto run = run_staffplan(with(good_run, {"-f", "csv", "-o", link}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(link)) << "the link was replaced by a regular file";
  EXPECT_EQ(fs::read_symlink(link), fs::path("reports/monday.csv"));
  EXPECT_EQ(read_file(dir + "/reports/monday.csv").rfind("start,queue,", 0), 0u);
  EXPECT_EQ(listing(dir + "/reports"), std::vector<std::string>{"monday.csv"});
}

TEST_F(Output, ChainOfSymlinksIsFollowedToTheFile) {
  write_file(dir + "/real.csv", "old");
  fs::create_symlink("real.csv", dir + "/one.csv");
  fs::create_symlink(dir + "/one.csv", dir + "/two.csv");
  const auto run = run_staffplan(with(good_run, {"-f", "csv", "-o", dir + "/two.csv"}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::is_symlink(dir + "/one.csv"));
  EXPECT_TRUE(fs::is_symlink(dir + "/two.csv"));
  EXPECT_EQ(read_file(dir + "/real.csv").rfind("start,queue,", 0), 0u);
}

TEST_F(Output, FileNameOf250BytesWorks) {
  // NAME_MAX is 255: ".NAME.XXXXXX" would be 258 bytes, so the temporary name is shorter.
  const std::string name(246, 'r');
  const std::string target = dir + "/" + name + ".csv";
  const auto run = run_staffplan(with(good_run, {"-f", "csv", "-o", target}));
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(read_file(target).rfind("start,queue,", 0), 0u);
  EXPECT_EQ(listing(dir), std::vector<std::string>{name + ".csv"});
}

}  // namespace
