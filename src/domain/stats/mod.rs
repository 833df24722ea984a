//! Statistics Rally reports to users, each checked against published worked examples or a
//! reference implementation's output (the vectors and their sources sit in each module's tests).
