#include "load/load.hpp"
