"use client";

import { useEffect } from "react";

/**
 * Marks the document once React has hydrated it (`<html data-hydrated>`). Cached docs pages
 * load their scripts after the first paint (server/deferred-hydration.cjs), so "loaded" no
 * longer implies "interactive": browser tests wait for this flag before using the keyboard.
 */
export function HydrationFlag() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
