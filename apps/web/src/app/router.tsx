import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { NotFoundPage } from '../pages/not-found-page';
import { Layout } from './layout';
import { RouteError } from './route-error';

// Each page is its own chunk; <Suspense> in the layout shows a skeleton while one loads.
const HomePage = lazy(() => import('../pages/home-page').then((m) => ({ default: m.HomePage })));
const SystemPage = lazy(() => import('../pages/system-page').then((m) => ({ default: m.SystemPage })));
const SignInPage = lazy(() => import('../pages/sign-in-page').then((m) => ({ default: m.SignInPage })));

export const routes: RouteObject[] = [
  {
    element: <Layout />,
    errorElement: <RouteError isStandalone />,
    children: [
      {
        // Errors inside a page render here, inside the layout, so navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'system', element: <SystemPage /> },
          { path: 'sign-in', element: <SignInPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
