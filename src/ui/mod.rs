//! Yew function components, one folder per user.
