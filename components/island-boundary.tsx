"use client";
// Around each client island in the policy: if the island throws (while rendering or in an effect), only
// it is replaced — by `fallback`, rendered on the server — and the policy text around it stays. Without
// it, one island's error would unmount the whole page.
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  /** What stands in the island's place once it has failed: server-rendered, so it costs no JavaScript. */
  fallback?: ReactNode;
  children?: ReactNode;
}

export class IslandBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // never swallowed: the browser console says what failed and where
    console.error("A part of the page failed and was replaced:", error, info.componentStack);
  }

  override render() {
    return this.state.failed ? (this.props.fallback ?? null) : this.props.children;
  }
}
