// Files Vite copies into the extension and gives the URL of (`?url`).
declare module '*?url' {
  const url: string;
  export default url;
}
