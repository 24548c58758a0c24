import type { FunctionSpec } from "./spec";

/** Zero curves and the ACM term premium (SPEC "Term-structure analytics"). */
export const TERM_STRUCTURE: FunctionSpec[] = [];
