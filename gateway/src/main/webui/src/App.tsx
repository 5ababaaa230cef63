export function App() {
  return <h1>Medi OS</h1>;
}
