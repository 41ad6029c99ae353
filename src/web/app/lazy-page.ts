import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

/** Every page module, each its own chunk; a page file exports its component under the file's name. */
const pages = import.meta.glob<Record<string, ComponentType | undefined>>('../pages/**/*Page.tsx');

/** The page component of `src/web/pages/<page>.tsx` ("reporting/CyclePage"), loaded when first asked for. */
function pageComponent(page: string): () => Promise<ComponentType> {
  const load = pages[`../pages/${page}.tsx`];
  const name = page.slice(page.lastIndexOf('/') + 1);
  if (!load) throw new Error(`No page module ${page}`);
  return async () => {
    const component = (await load())[name];
    if (!component) throw new Error(`${page} exports no ${name}`);
    return component;
  };
}

/** A route whose page is its own chunk, loaded when the page is first visited. */
export function lazyPage(path: string, page: string): RouteObject {
  return { path, lazy: { Component: pageComponent(page) } };
}

/** The index route of a parent, its page loaded the same way. */
export function lazyIndexPage(page: string): RouteObject {
  return { index: true, lazy: { Component: pageComponent(page) } };
}
