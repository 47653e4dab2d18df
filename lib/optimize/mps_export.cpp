// MPS export of a MilpModel (mps_export.hpp).
#include "optimize/mps_export.hpp"

#include <coin/CoinMpsIO.hpp>
#include <coin/OsiClpSolverInterface.hpp>

#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "optimize/clp_load.hpp"

namespace staffplan::optimize {

void write_mps(const MilpModel& model, const std::string& path) {
  if (!std::ofstream(path)) throw std::runtime_error("cannot write " + path);
  OsiClpSolverInterface solver;
  load_into(model, solver, true);
  std::vector<std::string> vars, rows;
  for (int v = 0; v < model.num_vars(); ++v) vars.push_back(model.var_name(v));
  for (int r = 0; r < model.num_rows(); ++r) rows.push_back(model.row_name(r));
  std::vector<char> integer(model.num_vars());
  for (int v = 0; v < model.num_vars(); ++v) integer[v] = model.integer[v] ? 1 : 0;
  CoinMpsIO io;
  io.messageHandler()->setLogLevel(0);
  io.setMpsData(*solver.getMatrixByCol(), solver.getInfinity(), solver.getColLower(), solver.getColUpper(),
                solver.getObjCoefficients(), integer.data(), solver.getRowLower(), solver.getRowUpper(), vars, rows);
  // Uncompressed, extra accuracy (format 1), two entries a line; the name as given.
  if (io.writeMps(path.c_str(), 0, 1, 2) != 0) throw std::runtime_error("cannot write " + path);
}

}  // namespace staffplan::optimize
