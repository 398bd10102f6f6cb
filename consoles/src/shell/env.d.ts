// Vite bundles imported stylesheets (hashed under assets/); TypeScript needs to know the import is fine.
declare module '*.css';
